namespace Subscription.Server.Broadcasts;

/// <summary>A follower a chunk job sends to: their place in the chunk, their claim and, once an attempt failed, their retry.</summary>
/// <param name="Sections">Their section preferences, for customer-service messages; empty otherwise.</param>
public readonly record struct FollowerSend(
    int Index, string OpenId, IReadOnlyList<string> Sections, FollowerClaim Claim, FollowerRetry? Retry = null);

/// <summary>After a transient failure: the next attempt, whether an attempt so far may have reached them, and when to try.</summary>
public sealed record FollowerRetry(int Attempt, bool Unknown, DateTimeOffset Due)
{
    /// <summary>Their outcome if sending stops now: "?" keeps the claim (an attempt may have reached them), "-" gives it back.</summary>
    public string WhenStopped => Unknown ? "?" : "-";
}
