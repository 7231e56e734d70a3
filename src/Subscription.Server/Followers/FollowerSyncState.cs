namespace Subscription.Server.Followers;

public enum SyncPhase { Idle, Listing, Sweeping, Completed, Failed }

/// <summary>The follower sync's progress, kept in Redis after every page so it can resume after a crash.</summary>
public sealed record FollowerSyncState(
    string RunId,
    SyncPhase Phase,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? NextOpenId,
    long SweepCursor,
    long Listed,
    long Added,
    long Removed,
    string? Error)
{
    public static FollowerSyncState None { get; } = new("", SyncPhase.Idle, null, null, null, 0, 0, 0, 0, null);

    public bool Running => Phase is SyncPhase.Listing or SyncPhase.Sweeping;
}
