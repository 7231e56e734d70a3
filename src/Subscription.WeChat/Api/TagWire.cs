using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

internal sealed record TagCreateRequest([property: JsonPropertyName("tag")] TagName Tag);

internal sealed record TagName([property: JsonPropertyName("name")] string Name);

internal sealed record TagEnvelope([property: JsonPropertyName("tag")] UserTag? Tag);

internal sealed record TagListResponse([property: JsonPropertyName("tags")] IReadOnlyList<UserTag>? Tags);

internal sealed record TagMembersRequest(
    [property: JsonPropertyName("openid_list")] IReadOnlyCollection<string> OpenIds,
    [property: JsonPropertyName("tagid")] int TagId);

internal sealed record TagFollowersRequest(
    [property: JsonPropertyName("tagid")] int TagId,
    [property: JsonPropertyName("next_openid")] string NextOpenId);
