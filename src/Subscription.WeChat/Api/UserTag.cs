using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

/// <summary>A follower tag (§8.3). Ids 0/1/2 are system tags.</summary>
public sealed record UserTag
{
    [JsonPropertyName("id")]
    public int Id { get; init; }

    [JsonPropertyName("name")]
    public string Name { get => field ?? ""; init; }

    /// <summary>Followers with the tag; only reported by the tag list.</summary>
    [JsonPropertyName("count")]
    public int Count { get; init; }
}
