namespace Subscription.Server.Broadcasts;

/// <summary>What staff asked for: an issue, a channel, an optional section filter, a time.</summary>
/// <param name="Sections">Only followers who take one of these sections (or every section); null = everyone.</param>
/// <param name="Source">For a resend: the broadcast whose failed followers are the audience.</param>
public sealed record BroadcastDefinition(int Issue, BroadcastChannel Channel, IReadOnlyList<string>? Sections, DateTimeOffset? At, string? Source = null);

/// <summary>A broadcast as the ledger has it.</summary>
public sealed record Broadcast(
    string Id,
    BroadcastDefinition Definition,
    BroadcastState State,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ResumeAt,
    bool Planned,
    int Chunks,
    int ChunksDone,
    long Audience,
    BroadcastCounts Counts);

/// <summary>Outcomes so far; per-follower channels count each follower once.</summary>
public sealed record BroadcastCounts(
    long Sent,
    long Skipped,
    long Failed,
    IReadOnlyDictionary<string, long> SkippedByReason,
    IReadOnlyDictionary<string, long> FailedByCode,
    IReadOnlyDictionary<string, long> Reported);

/// <summary>Why a follower was skipped.</summary>
public static class SkipReasons
{
    public const string Unsubscribed = "unsubscribed";
    public const string OptedOut = "opted-out";
    public const string OutsideWindow = "outside-window";
}
