namespace Subscription.WeChat.Api;

public sealed partial class WeChatApiClient
{
    /// <summary>
    /// Most openids per batch(un)tagging call. Only the older groups API documents 50 (§8.3, unconfirmed);
    /// chunking by it is safe either way.
    /// </summary>
    public const int MaxTagBatch = 50;

    /// <summary>POST /cgi-bin/tags/create (§8.3). Name ≤ 30 bytes; ≤ 100 tags per account.</summary>
    public async Task<UserTag> CreateTagAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var response = await PostAsync(
            "cgi-bin/tags/create", new TagCreateRequest(new TagName(name)), Json.TagCreateRequest, Json.TagEnvelope, cancellationToken)
            .ConfigureAwait(false);
        return response.Tag ?? throw WeChatReply.Malformed("cgi-bin/tags/create");
    }

    /// <summary>GET /cgi-bin/tags/get (§8.3): every tag with its follower count.</summary>
    public async Task<IReadOnlyList<UserTag>> GetTagsAsync(CancellationToken cancellationToken = default)
    {
        var response = await GetAsync("cgi-bin/tags/get", null, Json.TagListResponse, cancellationToken).ConfigureAwait(false);
        return response.Tags ?? [];
    }

    /// <summary>POST /cgi-bin/tags/members/batchtagging (§8.3) for 1..<see cref="MaxTagBatch"/> openids.</summary>
    public Task TagFollowersAsync(int tagId, IReadOnlyCollection<string> openIds, CancellationToken cancellationToken = default) =>
        ChangeTagMembersAsync("cgi-bin/tags/members/batchtagging", tagId, openIds, cancellationToken);

    /// <summary>POST /cgi-bin/tags/members/batchuntagging (§8.3) for 1..<see cref="MaxTagBatch"/> openids.</summary>
    public Task UntagFollowersAsync(int tagId, IReadOnlyCollection<string> openIds, CancellationToken cancellationToken = default) =>
        ChangeTagMembersAsync("cgi-bin/tags/members/batchuntagging", tagId, openIds, cancellationToken);

    /// <summary>POST /cgi-bin/user/tag/get (§8.3): followers with a tag, paged like <see cref="GetFollowersAsync"/>.</summary>
    public async Task<FollowerPage> GetTagFollowersAsync(int tagId, string? nextOpenId = null, CancellationToken cancellationToken = default)
    {
        var response = await PostAsync(
            "cgi-bin/user/tag/get", new TagFollowersRequest(tagId, nextOpenId ?? ""), Json.TagFollowersRequest, Json.FollowerListResponse,
            cancellationToken).ConfigureAwait(false);
        return response.ToPage();
    }

    private async Task ChangeTagMembersAsync(string path, int tagId, IReadOnlyCollection<string> openIds, CancellationToken cancellationToken)
    {
        RequireCount(openIds, 1, MaxTagBatch, nameof(openIds));
        await PostAsync(path, new TagMembersRequest(openIds, tagId), Json.TagMembersRequest, Json.WeChatStatus, cancellationToken)
            .ConfigureAwait(false);
    }
}
