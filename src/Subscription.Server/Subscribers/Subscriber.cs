namespace Subscription.Server.Subscribers;

public enum SubscriberStatus { Active, Inactive }

/// <summary>A follower as the store keeps it. Times are WeChat's CreateTime values (Unix seconds, UTC).</summary>
public sealed record Subscriber(
    string OpenId,
    SubscriberStatus Status,
    DateTimeOffset? FirstSubscribedAt,
    DateTimeOffset? LastSubscribedAt,
    DateTimeOffset? UnsubscribedAt,
    string? Scene,
    bool PushEnabled,
    IReadOnlyList<string> Sections,
    DateTimeOffset? LastInteractionAt,
    long LastEventAt,
    long Sequence);

public sealed record SubscriberStats(long Active, long FollowsToday, long UnfollowsToday, IReadOnlyDictionary<string, long> ByScene);

/// <summary>One page of the audience; pass <see cref="NextCursor"/> back to continue, null when done.</summary>
public sealed record AudiencePage(IReadOnlyList<string> OpenIds, long? NextCursor);

/// <summary>Audience scores after <paramref name="After"/> up to <paramref name="Through"/> (null: no upper end).</summary>
public sealed record AudienceRange(long After, long? Through);

/// <summary>A slice of the audience and how many followers it held when it was cut.</summary>
public sealed record AudienceSlice(AudienceRange Range, int Count);

/// <summary>
/// What a slice of the audience holds now: who among those read takes pushes, how many were read, and where the
/// part read ends if the slice holds more (null: all of it was read).
/// </summary>
public sealed record SliceRead(IReadOnlyList<string> OpenIds, int Members, long? RestAfter);

/// <summary>What an event did to a follower.</summary>
public enum FollowerChange
{
    /// <summary>Older than the last applied follow/unfollow: state kept as it was.</summary>
    Stale = 0,
    /// <summary>Applied, status unchanged.</summary>
    Unchanged = 1,
    Activated = 2,
    Deactivated = 3,
}

/// <summary>Whether a broadcast can reach a follower, and if not, why.</summary>
public enum Reach { Reachable, Unsubscribed, OptedOut }

/// <summary>A follower's state as a broadcast sees it: following, taking pushes, which sections, last interaction (unix s).</summary>
public sealed record FollowerFlags(bool Active, bool PushEnabled, IReadOnlyList<string> Sections, long LastInteractionAt)
{
    public Reach Reach => !Active ? Reach.Unsubscribed : PushEnabled ? Reach.Reachable : Reach.OptedOut;

    /// <summary>The reach of a record as read; no record (null) is no follower.</summary>
    public static Reach ReachOf(FollowerFlags? record) => record?.Reach ?? Reach.Unsubscribed;

    /// <summary>True when the follower takes every section or one of <paramref name="wanted"/> (null = any).</summary>
    public bool Takes(IReadOnlyList<string>? wanted) =>
        wanted is null || Sections.Count == 0 || Sections.Any(s => wanted.Contains(s, StringComparer.Ordinal));
}
