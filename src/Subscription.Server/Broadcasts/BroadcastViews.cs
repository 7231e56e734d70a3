using System.Text.Json.Serialization;

namespace Subscription.Server.Broadcasts;

/// <summary>POST /admin/api/broadcasts. <see cref="At"/>: ISO 8601; without an offset it is the readers' local time.</summary>
public sealed record BroadcastRequest(int? Issue, string? Channel, string? At, IReadOnlyList<string>? Sections);

public sealed record BroadcastCreated(string Id, IReadOnlyList<string> Warnings);

/// <summary>A broadcast as staff see it: state, counts by outcome, timing.</summary>
public sealed record BroadcastView(
    string Id,
    int Issue,
    string Channel,
    string State,
    long Audience,
    long Sent,
    long Skipped,
    long Failed,
    string? Reason,
    IReadOnlyList<string>? Sections,
    string? Source,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ScheduledAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ResumeAt,
    int Chunks,
    int ChunksDone,
    IReadOnlyDictionary<string, long> SkippedByReason,
    IReadOnlyDictionary<string, long> FailedByCode,
    IReadOnlyDictionary<string, long> Reported,
    double? DurationSeconds,
    double? RatePerSecond)
{
    public static BroadcastView From(Broadcast b, DateTimeOffset now)
    {
        double? duration = b.StartedAt is { } started ? ((b.FinishedAt ?? now) - started).TotalSeconds : null;
        return new BroadcastView(
            b.Id, b.Definition.Issue, b.Definition.Channel.Name(), b.State.Name(), b.Audience, b.Counts.Sent, b.Counts.Skipped,
            b.Counts.Failed, b.Reason, b.Definition.Sections, b.Definition.Source, b.CreatedAt, b.Definition.At, b.StartedAt, b.FinishedAt,
            b.ResumeAt, b.Chunks, b.ChunksDone, b.Counts.SkippedByReason, b.Counts.FailedByCode, b.Counts.Reported,
            duration is { } d ? Math.Round(d, 3) : null,
            duration is > 0 ? Math.Round(b.Counts.Sent / duration.Value, 1) : null);
    }
}

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BroadcastRequest))]
[JsonSerializable(typeof(BroadcastCreated))]
[JsonSerializable(typeof(BroadcastView))]
[JsonSerializable(typeof(IReadOnlyList<BroadcastView>))]
internal sealed partial class BroadcastJsonContext : JsonSerializerContext;
