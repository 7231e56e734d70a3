using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

internal sealed record FollowerListResponse(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("data")] OpenIdList? Data,
    [property: JsonPropertyName("next_openid")] string? NextOpenId)
{
    // The exact end-of-list shape is unconfirmed (§8.1): treat count 0 or a missing data object as the end.
    public FollowerPage ToPage() => Count == 0 || Data?.OpenIds is not { Count: > 0 } ids
        ? new FollowerPage(Total, 0, [], null)
        : new FollowerPage(Total, Count, ids, string.IsNullOrEmpty(NextOpenId) ? null : NextOpenId);
}

internal sealed record OpenIdList([property: JsonPropertyName("openid")] IReadOnlyList<string>? OpenIds);

internal sealed record UserInfoBatchRequest([property: JsonPropertyName("user_list")] IReadOnlyList<UserInfoQuery> Users);

internal sealed record UserInfoQuery(
    [property: JsonPropertyName("openid")] string OpenId,
    [property: JsonPropertyName("lang")] string Language);

internal sealed record UserInfoBatchResponse([property: JsonPropertyName("user_info_list")] IReadOnlyList<UserInfo>? Users);
