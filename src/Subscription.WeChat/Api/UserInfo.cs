using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

/// <summary>
/// A follower's profile (§8.2). nickname/headimgurl/sex/city are no longer returned; for an unfollowed user only
/// <see cref="Subscribed"/> = false, <see cref="OpenId"/> and <see cref="UnionId"/> are set.
/// </summary>
public sealed record UserInfo
{
    [JsonPropertyName("subscribe"), JsonConverter(typeof(ZeroOneBooleanConverter))]
    public bool Subscribed { get; init; }

    [JsonPropertyName("openid")]
    public string OpenId { get => field ?? ""; init; }

    [JsonPropertyName("unionid")]
    public string? UnionId { get; init; }

    [JsonPropertyName("language")]
    public string? Language { get; init; }

    /// <summary>Unix seconds; see <see cref="SubscribedAt"/>.</summary>
    [JsonPropertyName("subscribe_time")]
    public long SubscribeTime { get; init; }

    /// <summary><c>ADD_SCENE_QR_CODE</c>, <c>ADD_SCENE_SEARCH</c>, …</summary>
    [JsonPropertyName("subscribe_scene")]
    public string? SubscribeScene { get; init; }

    [JsonPropertyName("qr_scene")]
    public long QrScene { get; init; }

    [JsonPropertyName("qr_scene_str")]
    public string? QrSceneStr { get; init; }

    [JsonPropertyName("remark")]
    public string? Remark { get; init; }

    [JsonPropertyName("groupid")]
    public int GroupId { get; init; }

    [JsonPropertyName("tagid_list")]
    // The source generator sets every init property, so a missing tagid_list would arrive as null, not [].
    public IReadOnlyList<int> TagIds { get => field ?? []; init; }

    [JsonIgnore]
    public DateTimeOffset? SubscribedAt => SubscribeTime > 0 ? DateTimeOffset.FromUnixTimeSeconds(SubscribeTime) : null;
}
