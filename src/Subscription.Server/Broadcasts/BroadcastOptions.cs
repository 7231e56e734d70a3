using System.ComponentModel.DataAnnotations;

namespace Subscription.Server.Broadcasts;

/// <summary>Settings "Broadcasts:*": how an issue's digest is pushed to followers.</summary>
public sealed class BroadcastOptions : IValidatableObject
{
    public const string Section = "Broadcasts";

    /// <summary>The channel a broadcast uses when staff name none, e.g. when publishing schedules it: mass-all, mass-openids, template or custom.</summary>
    public string DefaultChannel { get; set; } = "mass-all";

    public BroadcastChannel Channel => BroadcastChannels.TryParse(DefaultChannel, out var channel) ? channel : BroadcastChannel.MassAll;

    /// <summary>Local time of day (readers' time zone) at which publishing schedules the broadcast; empty = at once.</summary>
    public string DefaultTime { get; set; } = "08:00";

    /// <summary>Followers per chunk for the per-follower channels (template, custom); mass-openids uses ≤ 10,000.</summary>
    [Range(10, 100_000)]
    public int ChunkSize { get; set; } = 5_000;

    [Range(2, 10_000)]
    public int MassChunkSize { get; set; } = 10_000;

    /// <summary>The largest batch: the ledger's scripts read and write a whole batch in one call each.</summary>
    public const int MaxBatchSize = 1_000;

    /// <summary>Followers claimed, sent and recorded together, at most; see <see cref="BatchFor"/>.</summary>
    [Range(1, MaxBatchSize)]
    public int BatchSize { get; set; } = MaxBatchSize;

    /// <summary>How often a job sending a batch looks whether staff paused or cancelled the broadcast; sends stop then.</summary>
    public TimeSpan StateCheckInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Sends in flight at once in one chunk job.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 32;

    /// <summary>Per-follower sends a second across all instances; 0 = no limit of our own.</summary>
    [Range(0, 100_000)]
    public int SendsPerSecond { get; set; }

    /// <summary>mass/send and sendall calls a minute across all instances (§13.5: 60); 0 = no limit of our own.</summary>
    [Range(0, 6_000)]
    public int MassPerMinute { get; set; } = 60;

    /// <summary>How long a chunk job's claim on its chunk lasts unless renewed; a dead worker's chunk is resumed after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each instance with workers looks for chunks whose worker died.</summary>
    public TimeSpan WatchdogInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First back-off after a transient failure (−1, HTTP 5xx, time-out, isolated 45009/45011); doubles each attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait after 45066, a clientmsgid retried too fast (§13.5: at least a minute).</summary>
    public TimeSpan RetryTooFastDelay { get; set; } = TimeSpan.FromSeconds(61);

    /// <summary>Attempts per follower before a transient failure is recorded as that follower's failure.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// A follower whose earlier attempt has no known outcome (no answer, a crash, a stop while retrying) is sent
    /// again, with the same client_msg_id, only until this long after they were first claimed, by the same job or a
    /// later one: WeChat de-duplicates a template's client_msg_id for about 10 minutes (§10). Later they are failed
    /// "unconfirmed" instead, rather than risk a second message.
    /// </summary>
    public TimeSpan RetryUnknownWithin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>45009 on every call for this long means the quota is gone: the broadcast pauses until the quota resets.</summary>
    public TimeSpan QuotaExhaustedAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Customer-service messages reach only followers who interacted within this window (§9).</summary>
    public TimeSpan CustomWindow { get; set; } = TimeSpan.FromHours(48);

    /// <summary>A mass job with no MASSSENDJOBFINISH after this long is looked up with mass/get.</summary>
    public TimeSpan MassStatusPollAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long each follower's outcome is kept once a broadcast is final, for resend-failed and questions about one
    /// follower; the broadcast's counts are kept for good.
    /// </summary>
    public TimeSpan KeepFollowerResults { get; set; } = TimeSpan.FromDays(90);

    /// <summary>The permanent image material used as the cover of the draft article a mass-all send carries; empty = a text digest.</summary>
    public string CoverMediaId { get; set; } = "";

    /// <summary>
    /// The batch a chunk job claims on <paramref name="channel"/>. Under a send rate, about a second's worth: a
    /// follower due to retry goes out with the next batch, so is never late by much. For customer-service messages,
    /// which have no idempotency key, no more than are in flight: a job that dies leaves each claim failed
    /// "unconfirmed".
    /// </summary>
    public int BatchFor(BroadcastChannel channel)
    {
        var size = SendsPerSecond > 0 ? Math.Min(BatchSize, Math.Max(Concurrency, SendsPerSecond)) : BatchSize;
        return channel == BroadcastChannel.Custom ? Math.Min(size, Concurrency) : size;
    }

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: RetryDelay doubling, at most MaxRetryDelay.</summary>
    public TimeSpan Backoff(int attempt) => TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, RetryDelay.Ticks << Math.Clamp(attempt - 1, 0, 20)));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!BroadcastChannels.TryParse(DefaultChannel, out _))
        {
            yield return new("Broadcasts:DefaultChannel must be one of mass-all, mass-openids, template, custom.", [nameof(DefaultChannel)]);
        }

        if (DefaultTime.Length > 0 && !TimeOnly.TryParseExact(DefaultTime, "HH:mm", out _))
        {
            yield return new("Broadcasts:DefaultTime must be HH:mm (24-hour) or empty.", [nameof(DefaultTime)]);
        }

        if (Lease < TimeSpan.FromSeconds(1) || WatchdogInterval < TimeSpan.FromMilliseconds(100))
        {
            yield return new("Broadcasts:Lease must be at least 1 s and Broadcasts:WatchdogInterval at least 100 ms.", [nameof(Lease)]);
        }

        if (StateCheckInterval < TimeSpan.FromMilliseconds(10))
        {
            yield return new("Broadcasts:StateCheckInterval must be at least 10 ms.", [nameof(StateCheckInterval)]);
        }

        if (KeepFollowerResults < TimeSpan.FromSeconds(1))
        {
            yield return new("Broadcasts:KeepFollowerResults must be at least 1 s.", [nameof(KeepFollowerResults)]);
        }

        if (RetryUnknownWithin <= TimeSpan.Zero)
        {
            yield return new("Broadcasts:RetryUnknownWithin must be positive.", [nameof(RetryUnknownWithin)]);
        }

        if (RetryDelay <= TimeSpan.Zero || MaxRetryDelay < RetryDelay)
        {
            yield return new("Broadcasts:RetryDelay must be positive and at most Broadcasts:MaxRetryDelay.", [nameof(RetryDelay)]);
        }
    }
}
