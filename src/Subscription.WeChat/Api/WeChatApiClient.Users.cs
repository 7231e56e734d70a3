namespace Subscription.WeChat.Api;

public sealed partial class WeChatApiClient
{
    /// <summary>Most openids per <c>user/info/batchget</c> call (§8.2).</summary>
    public const int MaxUserInfoBatch = 100;

    /// <summary>
    /// GET /cgi-bin/user/get (§8.1): up to 10 000 openids per page. Start with null and pass
    /// <see cref="FollowerPage.NextOpenId"/> until <see cref="FollowerPage.IsEnd"/>. Daily quota 500.
    /// </summary>
    public async Task<FollowerPage> GetFollowersAsync(string? nextOpenId = null, CancellationToken cancellationToken = default)
    {
        var query = string.IsNullOrEmpty(nextOpenId) ? null : "next_openid=" + Uri.EscapeDataString(nextOpenId);
        var response = await GetAsync("cgi-bin/user/get", query, Json.FollowerListResponse, cancellationToken).ConfigureAwait(false);
        return response.ToPage();
    }

    /// <summary>POST /cgi-bin/user/info/batchget (§8.2) for at most <see cref="MaxUserInfoBatch"/> openids.</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxUserInfoBatch"/> openids, or an empty one.</exception>
    public async Task<IReadOnlyList<UserInfo>> GetUserInfosAsync(
        IReadOnlyCollection<string> openIds, string language = "zh_CN", CancellationToken cancellationToken = default)
    {
        RequireCount(openIds, 0, MaxUserInfoBatch, nameof(openIds));
        if (openIds.Count == 0)
        {
            return [];
        }

        var request = new UserInfoBatchRequest(openIds.Select(id => new UserInfoQuery(id, language)).ToList());
        var response = await PostAsync(
            "cgi-bin/user/info/batchget", request, Json.UserInfoBatchRequest, Json.UserInfoBatchResponse, cancellationToken).ConfigureAwait(false);
        return response.Users ?? [];
    }
}
