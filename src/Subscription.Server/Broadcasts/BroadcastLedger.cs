using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Subscription.Server.Storage;

namespace Subscription.Server.Broadcasts;

/// <summary>
/// The truth about every broadcast, in Redis: its state machine, its chunks and, for per-follower channels,
/// each follower's outcome. Every change is one script or one transaction, so any instance can crash between
/// two of them.
/// </summary>
public sealed partial class BroadcastLedger(RedisStore store, TimeProvider time, IOptions<BroadcastOptions> options, ILogger<BroadcastLedger> logger)
{
    /// <summary>What a planning script answers for a broadcast already final (completed, cancelled or failed).</summary>
    public const int Final = -3;

    public BroadcastKeys Keys { get; } = new(store.KeyPrefix);

    private IDatabase Db => store.Database;

    private long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    private long LeaseMs => (long)options.Value.Lease.TotalMilliseconds;

    /// <summary>The broadcast that holds <paramref name="guard"/>, if one does (see <see cref="CreateAsync"/>).</summary>
    public async Task<string?> GuardHolderAsync(string guard) =>
        (string?)await Db.StringGetAsync(Keys.Guard(guard)) is { } holder && await HoldsGuardAsync(holder) ? holder : null;

    // A broadcast cancelled or failed before sending anything, or never written, frees its guard.
    private async Task<bool> HoldsGuardAsync(string holder) =>
        await GetAsync(holder) is { } existing && (existing.State is not (BroadcastState.Cancelled or BroadcastState.Failed) || existing.Counts.Sent > 0);

    /// <summary>
    /// Stores a new broadcast in state scheduled. With a <paramref name="guard"/>, only one live broadcast may
    /// hold it (one mass send of an issue to an audience): the holder's id is returned instead.
    /// </summary>
    public async Task<(string Id, bool Created)> CreateAsync(BroadcastDefinition definition, string? guard)
    {
        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        if (guard is not null)
        {
            while (!await Db.StringSetAsync(Keys.Guard(guard), id, when: When.NotExists))
            {
                var holder = (string?)await Db.StringGetAsync(Keys.Guard(guard));
                if (holder is null)
                {
                    continue;
                }

                if (await HoldsGuardAsync(holder))
                {
                    return (holder, false);
                }

                // The holder was cancelled or failed before sending anything, or never written: the guard is free again.
                await Db.ReleaseAsync(Keys.Guard(guard), holder);
            }
        }

        var ledger = Keys.Ledger(id);
        var d = definition;
        await Db.HashSetAsync(ledger.Meta,
        [
            new("id", id), new("issue", d.Issue), new("channel", d.Channel.Name()),
            new("sections", d.Sections is null ? "" : "=" + string.Join(',', d.Sections)),
            new("at", d.At?.ToUnixTimeMilliseconds() ?? 0), new("source", d.Source ?? ""), new("guard", guard ?? ""),
            new("state", BroadcastState.Scheduled.Name()), new("reason", ""), new("created", NowMs), new("started", ""),
            new("finished", ""), new("resumeAt", ""), new("planned", "0"), new("cursor", "0"), new("pchunk", 0), new("pcount", 0),
            new("chunks", 0), new("done", 0), new("audience", 0),
        ]);
        await Db.SortedSetAddAsync(Keys.Index, id, NowMs);
        await Db.SetAddAsync(Keys.Open, id);
        return (id, true);
    }

    public async Task<Broadcast?> GetAsync(string id)
    {
        var ledger = Keys.Ledger(id);
        var meta = Db.HashGetAllAsync(ledger.Meta);
        var counts = Db.HashGetAllAsync(ledger.Counts);
        await Task.WhenAll(meta, counts);
        if (meta.Result.Length == 0)
        {
            return null;
        }

        var m = meta.Result.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);
        var c = counts.Result.ToDictionary(e => e.Name.ToString(), e => (long)e.Value, StringComparer.Ordinal);
        string Text(string name) => m.GetValueOrDefault(name, "");
        long Number(string name) => long.TryParse(Text(name), CultureInfo.InvariantCulture, out var n) ? n : 0;
        DateTimeOffset? Time(string name) => Number(name) > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(Number(name)) : null;
        IReadOnlyDictionary<string, long> Prefixed(string prefix) => c
            .Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && p.Value != 0)
            .ToDictionary(p => p.Key[prefix.Length..], p => p.Value, StringComparer.Ordinal);

        BroadcastChannels.TryParse(Text("channel"), out var channel);
        var sections = Text("sections");
        var definition = new BroadcastDefinition(
            (int)Number("issue"), channel,
            sections.Length == 0 ? null : sections[1..].Split(',', StringSplitOptions.RemoveEmptyEntries),
            Time("at"), Text("source") is { Length: > 0 } source ? source : null);
        return new Broadcast(
            id, definition, BroadcastStates.Parse(Text("state")), Text("reason") is { Length: > 0 } reason ? reason : null,
            Time("created") ?? DateTimeOffset.UnixEpoch, Time("started"), Time("finished"), Time("resumeAt"),
            Text("planned") == "1", (int)Number("chunks"), (int)Number("done"), Number("audience"),
            new BroadcastCounts(
                c.GetValueOrDefault("sent"), c.GetValueOrDefault("skipped"), c.GetValueOrDefault("failed"),
                Prefixed("skipped:"), Prefixed("failed:"), Prefixed("reported:")));
    }

    /// <summary>The newest broadcasts first.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(int skip, int take) =>
        [.. (await Db.SortedSetRangeByRankAsync(Keys.Index, skip, skip + take - 1, Order.Descending)).Select(v => v.ToString())];

    /// <summary>The newest broadcasts first, with their channels, read together.</summary>
    public async Task<IReadOnlyList<(string Id, BroadcastChannel Channel)>> RecentAsync(int count)
    {
        var ids = await ListAsync(0, count);
        var channels = await Task.WhenAll(ids.Select(id => GetMetaAsync(id, "channel")));
        var recent = new List<(string, BroadcastChannel)>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            if (BroadcastChannels.TryParse(channels[i], out var channel))
            {
                recent.Add((ids[i], channel));
            }
        }

        return recent;
    }

    public async Task<IReadOnlyList<string>> OpenAsync() => [.. (await Db.SetMembersAsync(Keys.Open)).Select(v => v.ToString())];

    /// <summary>
    /// Tidies a final broadcast: its plan (chunk lists, the resend's member set), needed by nothing now, deleted;
    /// its follower outcomes kept for <see cref="BroadcastOptions.KeepFollowerResults"/>; marked closed; then out
    /// of the open set (another slot than its ledger). Its meta, chunks and counts stay. Safe to repeat.
    /// </summary>
    public async Task CloseAsync(string id)
    {
        var ledger = Keys.Ledger(id);
        var planned = await Db.HashGetAsync(ledger.Meta, ["chunks", "pchunk"]);
        // Up to the chunk being filled, for a broadcast cancelled while it was planned. UNLINK frees the lists
        // in the background: DEL would free each element while Redis serves no one.
        RedisKey[] plan = [.. Enumerable.Range(0, Math.Max((int)planned[0], (int)planned[1]) + 1).Select(ledger.Chunk), ledger.Members];
        // One transaction (one slot): the close mark is written together with the tidying it records.
        var close = Db.CreateTransaction();
        Task[] steps =
        [
            close.ExecuteAsync("UNLINK", [.. plan.Cast<object>()]),
            close.KeyExpireAsync(ledger.Outcomes, options.Value.KeepFollowerResults),
            close.HashSetAsync(ledger.Meta, "closed", "1"),
        ];
        await Task.WhenAll([close.ExecuteAsync(), .. steps]);
        await Db.SetRemoveAsync(Keys.Open, id);
    }

    /// <summary>Final broadcasts never closed: those that ended before closing existed, and any whose close failed.</summary>
    public async Task<IReadOnlyList<string>> UnclosedFinalAsync()
    {
        var ids = (await Db.SortedSetRangeByRankAsync(Keys.Index)).Select(v => v.ToString()).ToList();
        var batch = Db.CreateBatch();
        var reads = ids.Select(id => batch.HashGetAsync(Keys.Ledger(id).Meta, ["state", "closed"])).ToList();
        batch.Execute();
        await Task.WhenAll(reads);
        return [.. ids.Where((_, i) => reads[i].Result is [var state, var closed] && BroadcastStates.Parse(state).IsFinal() && closed != "1")];
    }

    /// <summary><see cref="CloseAsync"/> right after the step that made a broadcast final; if the store fails now, the watchdog closes it later.</summary>
    private async Task TryCloseAsync(string id)
    {
        try
        {
            await CloseAsync(id);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Broadcast {Id} is final but could not be closed yet; the watchdog will", id);
        }
    }

    /// <summary>Whether the follower outcomes of a broadcast are still kept (they go <see cref="BroadcastOptions.KeepFollowerResults"/> after it ends).</summary>
    public Task<bool> HasOutcomesAsync(string id) => Db.KeyExistsAsync(Keys.Ledger(id).Outcomes);

    /// <summary>Applies a state-machine action; returns whether it applied and the state after it.</summary>
    public async Task<(bool Applied, BroadcastState? State)> TransitionAsync(
        string id, string action, string reason = "", DateTimeOffset? resumeAt = null)
    {
        var result = (string)(await Db.EvaluateInOneSlotAsync(
            BroadcastScripts.Transition, [Keys.Ledger(id).Meta],
            [action, reason, NowMs, resumeAt is { } at ? at.ToUnixTimeMilliseconds() : ""]))!;
        (bool Applied, BroadcastState? State) outcome = result switch
        {
            "!missing" => (false, null),
            _ when result.StartsWith('!') => (false, BroadcastStates.Parse(result[1..])),
            _ => (true, BroadcastStates.Parse(result)),
        };
        if (outcome is (true, { } state) && state.IsFinal())
        {
            await TryCloseAsync(id);
        }

        return outcome;
    }

    public Task SetMetaAsync(string id, string field, RedisValue value) => Db.HashSetAsync(Keys.Ledger(id).Meta, field, value);

    public async Task<string?> GetMetaAsync(string id, string field) => await Db.HashGetAsync(Keys.Ledger(id).Meta, field);

    /// <summary>The broadcast's state alone, for a job that looks at it while it runs; null when there is no broadcast.</summary>
    public async Task<BroadcastState?> StateAsync(string id) => await GetMetaAsync(id, "state") is { } state ? BroadcastStates.Parse(state) : null;

    /// <summary>Records a chunk's mass job once; see <see cref="BroadcastScripts.MassSent"/>.</summary>
    /// <param name="audienceChange">For a slice, how far its audience turned out to differ from what planning counted.</param>
    public async Task<bool> MassSentAsync(string id, int chunk, long msgId, int members, int skipped, bool alreadySent, int audienceChange = 0)
    {
        var ledger = Keys.Ledger(id);
        var recorded = (int)await Db.EvaluateInOneSlotAsync(
            BroadcastScripts.MassSent, [ledger.Chunks, ledger.Counts, ledger.Meta],
            [chunk, msgId, members, skipped, alreadySent ? "1" : "0", NowMs, audienceChange]) == 1;
        await Db.StringSetAsync(Keys.MassJob(msgId), $"{id} {chunk}", TimeSpan.FromDays(30));
        return recorded;
    }

    /// <summary>TEMPLATESENDJOBFINISH: true when the msgid was a send of this broadcast to this follower.</summary>
    public async Task<bool> TemplateFinishedAsync(string id, string openId, long msgId, string status)
    {
        var ledger = Keys.Ledger(id);
        return (int)await Db.EvaluateInOneSlotAsync(
            BroadcastScripts.TemplateFinished, [ledger.Outcomes, ledger.Counts], [openId, msgId, status]) == 1;
    }

    /// <summary>MASSSENDJOBFINISH or mass/get: the broadcast and chunk a mass job id belongs to, if ours.</summary>
    public async Task<(string Id, int Chunk)?> MassJobAsync(long msgId)
    {
        var value = (string?)await Db.StringGetAsync(Keys.MassJob(msgId));
        return value?.Split(' ') is [var id, var chunk] ? (id, int.Parse(chunk, CultureInfo.InvariantCulture)) : null;
    }

    public async Task<bool> MassFinishedAsync(string id, int chunk, string status, long total, long filtered, long sent, long errors)
    {
        var ledger = Keys.Ledger(id);
        return (int)await Db.EvaluateInOneSlotAsync(
            BroadcastScripts.MassFinished, [ledger.Chunks, ledger.Counts], [chunk, status, total, filtered, sent, errors]) == 1;
    }

    /// <summary>Counts one mass send against the day's and the month's allowance (readers' calendar).</summary>
    public Task CountMassSendAsync(string day, string month) =>
        Task.WhenAll(Db.HashIncrementAsync(Keys.MassUsage, day), Db.HashIncrementAsync(Keys.MassUsage, month));

    public async Task<(long Day, long Month)> MassUsageAsync(string day, string month)
    {
        var values = await Db.HashGetAsync(Keys.MassUsage, [day, month]);
        return ((long?)values[0] ?? 0, (long?)values[1] ?? 0);
    }
}
