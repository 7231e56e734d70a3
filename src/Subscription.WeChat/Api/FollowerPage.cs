namespace Subscription.WeChat.Api;

/// <summary>One page of a follower list (§8.1, and users of a tag §8.3).</summary>
/// <param name="Total">All followers; 0 where WeChat doesn't report it (users of a tag).</param>
/// <param name="NextOpenId">Pass to the next call; null once WeChat returned an empty page (count 0 or no <c>data</c>).</param>
public sealed record FollowerPage(int Total, int Count, IReadOnlyList<string> OpenIds, string? NextOpenId)
{
    public bool IsEnd => NextOpenId is null;
}
