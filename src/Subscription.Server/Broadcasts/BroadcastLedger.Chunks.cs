using System.Globalization;
using StackExchange.Redis;
using Subscription.Server.Storage;
using Subscription.Server.Subscribers;

namespace Subscription.Server.Broadcasts;

/// <summary>The ledger's chunks: planning the audience into them, then working each under its lease.</summary>
public sealed partial class BroadcastLedger
{
    public async Task<PlanPosition> PlanPositionAsync(string id)
    {
        var values = await Db.HashGetAsync(Keys.Ledger(id).Meta, ["cursor", "pchunk", "pcount", "planned", "chunks"]);
        return new PlanPosition((string?)values[0] ?? "0", (int)values[1], (int)values[2], (string?)values[3] == "1", (int)values[4]);
    }

    /// <summary>See <see cref="BroadcastScripts.PlanAppend"/>.</summary>
    public async Task<int> AppendAsync(string id, PlanPosition at, string nextCursor, int chunkSize, IReadOnlyList<string> openIds, bool dedupe)
    {
        var ledger = Keys.Ledger(id);
        RedisValue[] args = [at.Cursor, nextCursor, at.OpenChunk, chunkSize, dedupe ? "1" : "0", .. openIds.Select(o => (RedisValue)o)];
        return (int)await Db.EvaluateInOneSlotAsync(
            BroadcastScripts.PlanAppend, [ledger.Meta, ledger.Chunk(at.OpenChunk), ledger.Members, ledger.Chunks], args);
    }

    /// <summary>
    /// Whether a mass plan cuts slices of the audience rather than copying it, decided when planning starts: a plan
    /// an earlier version began by copying is finished by copying, and so is one begun while the opted-out set was
    /// still being back-filled (a slice checks against that set alone).
    /// </summary>
    /// <param name="lastPlace">Where the audience ends now: a slice plan covers no one who follows after it starts.</param>
    /// <returns>Where the slice plan ends; null for a copying plan.</returns>
    public async Task<long?> PlansSlicesAsync(string id, bool optOutsComplete, long lastPlace)
    {
        if (optOutsComplete && await PlanPositionAsync(id) is { OpenChunk: 0, OpenCount: 0, Planned: false })
        {
            // One write, so that the plan and where it ends are never apart.
            await Db.HashSetAsync(Keys.Ledger(id).Meta, "plan", $"slices:{lastPlace}", When.NotExists);
        }

        return await GetMetaAsync(id, "plan") is { } plan && plan.StartsWith("slices:", StringComparison.Ordinal)
            ? long.Parse(plan["slices:".Length..], CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>See <see cref="BroadcastScripts.PlanSlice"/>.</summary>
    public async Task<int> AppendSliceAsync(string id, PlanPosition at, AudienceSlice slice)
    {
        var ledger = Keys.Ledger(id);
        return (int)await Db.EvaluateInOneSlotAsync(
            BroadcastScripts.PlanSlice, [ledger.Meta, ledger.Chunks], [at.Cursor, slice.Range.Through!.Value, slice.Count, at.OpenChunk]);
    }

    /// <summary>See <see cref="BroadcastScripts.PlanFinish"/>: the number of chunks, -1 when the cursor moved on, <see cref="Final"/> when the broadcast is final.</summary>
    public async Task<int> FinishPlanAsync(string id, PlanPosition at, int smallestLastChunk)
    {
        var ledger = Keys.Ledger(id);
        var result = (RedisResult[])(await Db.EvaluateInOneSlotAsync(
            BroadcastScripts.PlanFinish,
            [ledger.Meta, ledger.Chunk(at.OpenChunk), ledger.Chunk(Math.Max(0, at.OpenChunk - 1))],
            [at.Cursor, smallestLastChunk, NowMs]))!;
        if ((int)result[1] == 1)
        {
            await TryCloseAsync(id);
        }

        return (int)result[0];
    }

    // Chunks

    /// <summary>See <see cref="BroadcastScripts.SplitSlice"/>: the new chunk's number, or -1 when the lease was lost.</summary>
    public async Task<int> SplitSliceAsync(string id, int chunk, string token, long firstPartThrough)
    {
        var ledger = Keys.Ledger(id);
        return (int)await Db.EvaluateInOneSlotAsync(
            BroadcastScripts.SplitSlice, [ledger.Meta, ledger.Chunks, ledger.Lease(chunk)], [chunk, firstPartThrough, token]);
    }

    /// <summary>See <see cref="BroadcastScripts.SliceUnsendable"/>.</summary>
    /// <param name="lone">The one follower left who takes pushes, if any, and their outcome ("s:msgid", "f:errcode", "k:reason").</param>
    /// <returns>False when the lease was lost: nothing was written.</returns>
    public async Task<bool> SliceUnsendableAsync(string id, int chunk, string token, int skipped, int audienceChange, (string OpenId, string Outcome)? lone)
    {
        var ledger = Keys.Ledger(id);
        RedisValue[] args = lone is { } one
            ? [token, chunk, skipped, audienceChange, one.OpenId, one.Outcome]
            : [token, chunk, skipped, audienceChange];
        return (int)await Db.EvaluateInOneSlotAsync(
            BroadcastScripts.SliceUnsendable, [ledger.Chunks, ledger.Counts, ledger.Meta, ledger.Outcomes, ledger.Lease(chunk)], args) >= 0;
    }


    public async Task<ChunkPosition> ChunkAsync(string id, int chunk)
    {
        var values = await Db.HashGetAsync(Keys.Ledger(id).Chunks, [$"{chunk}:pos", $"{chunk}:done", $"{chunk}:msg", $"{chunk}:from", $"{chunk}:to", $"{chunk}:count", $"{chunk}:none"]);
        var range = (string?)values[3] is { } from && (string?)values[4] is { } to
            ? new AudienceRange(long.Parse(from, CultureInfo.InvariantCulture), to == "end" ? null : long.Parse(to, CultureInfo.InvariantCulture))
            : null;
        return new ChunkPosition((int?)values[0] ?? 0, (string?)values[1] == "1", (long?)values[2], range, (int?)values[5], (string?)values[6] == "1");
    }

    /// <summary>Every chunk's fields in one read ("n:done", "n:job", "n:msg", …), for a pass over all chunks.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ChunkFieldsAsync(string id) =>
        (await Db.HashGetAllAsync(Keys.Ledger(id).Chunks)).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);

    public Task SetChunkAsync(string id, int chunk, string field, RedisValue value) =>
        Db.HashSetAsync(Keys.Ledger(id).Chunks, $"{chunk}:{field}", value);

    public async Task<string?> GetChunkFieldAsync(string id, int chunk, string field) =>
        await Db.HashGetAsync(Keys.Ledger(id).Chunks, $"{chunk}:{field}");

    /// <summary>Counts a chunk job that ended in an exception; returns the count so far.</summary>
    public Task<long> CountChunkFailureAsync(string id, int chunk) => Db.HashIncrementAsync(Keys.Ledger(id).Chunks, $"{chunk}:errors");

    public async Task<IReadOnlyList<string>> MembersAsync(string id, int chunk, long start, long count) =>
        [.. (await Db.ListRangeAsync(Keys.Ledger(id).Chunk(chunk), start, start + count - 1)).Select(v => v.ToString())];

    public Task<bool> LeaseAsync(string id, int chunk, string token) => Db.TakeOrRenewAsync(Keys.Ledger(id).Lease(chunk), token, options.Value.Lease);

    public Task<bool> IsLeasedAsync(string id, int chunk) => Db.KeyExistsAsync(Keys.Ledger(id).Lease(chunk));

    /// <summary>Whether each of <paramref name="chunks"/> has a live lease, asked in one pipelined batch.</summary>
    public async Task<bool[]> AreLeasedAsync(string id, IReadOnlyList<int> chunks)
    {
        var ledger = Keys.Ledger(id);
        var batch = Db.CreateBatch();
        var checks = chunks.Select(chunk => batch.KeyExistsAsync(ledger.Lease(chunk))).ToArray();
        batch.Execute();
        return await Task.WhenAll(checks);
    }

    public Task ReleaseAsync(string id, int chunk, string token) => Db.ReleaseAsync(Keys.Ledger(id).Lease(chunk), token);

    /// <summary>Marks a chunk done; true when that completed the broadcast.</summary>
    public async Task<bool> ChunkDoneAsync(string id, int chunk, string token)
    {
        var ledger = Keys.Ledger(id);
        var completed = (int)await Db.EvaluateInOneSlotAsync(
            BroadcastScripts.ChunkDone, [ledger.Meta, ledger.Chunks, ledger.Lease(chunk)], [chunk, NowMs, token]) == 1;
        if (completed)
        {
            await TryCloseAsync(id);
        }

        return completed;
    }

    /// <summary>See <see cref="BroadcastScripts.Claim"/>: the state, then each follower's claim.</summary>
    public async Task<(string State, FollowerClaim[] Claims)> ClaimAsync(string id, int chunk, string token, IReadOnlyList<(string OpenId, string Skip)> batch)
    {
        var ledger = Keys.Ledger(id);
        RedisValue[] args =
        [
            token, NowMs, (long)options.Value.RetryUnknownWithin.TotalMilliseconds, .. batch.SelectMany(b => new RedisValue[] { b.OpenId, b.Skip }),
        ];
        var result = (RedisResult[])(await Db.EvaluateInOneSlotAsync(
            BroadcastScripts.Claim, [ledger.Meta, ledger.Outcomes, ledger.Counts, ledger.Lease(chunk)], args))!;
        return ((string)result[0]!, [.. result.Skip(1).Select(r => FollowerClaim.Parse((string)r!))]);
    }

    /// <summary>
    /// See <see cref="BroadcastScripts.Record"/>; false when the lease was lost. More outcomes than a batch go in
    /// several calls, each whole, the position with the last.
    /// </summary>
    public async Task<bool> RecordAsync(string id, int chunk, string token, int? nextPosition, IReadOnlyList<(string OpenId, string Outcome)> outcomes)
    {
        var ledger = Keys.Ledger(id);
        // One call even with no outcome: it moves the position.
        var slices = outcomes.Chunk(BroadcastOptions.MaxBatchSize).DefaultIfEmpty([]).ToList();
        var held = true;
        foreach (var slice in slices)
        {
            var position = slice == slices[^1] ? nextPosition?.ToString(CultureInfo.InvariantCulture) : null;
            RedisValue[] args =
            [
                token, chunk, position ?? "", LeaseMs, .. slice.SelectMany(o => new RedisValue[] { o.OpenId, o.Outcome }),
            ];
            // Outcomes are recorded over this job's claims even once the lease is lost: they happened.
            held &= (int)await Db.EvaluateInOneSlotAsync(
                BroadcastScripts.Record, [ledger.Outcomes, ledger.Counts, ledger.Chunks, ledger.Lease(chunk)], args) == 1;
        }

        return held;
    }

    /// <returns>The failed followers in one HSCAN page of a broadcast's outcomes and the next cursor (null at the end). HSCAN may repeat a member.</returns>
    public async Task<(IReadOnlyList<string> Page, string? Next)> FailedPageAsync(string id, string cursor, int count)
    {
        var reply = (RedisResult[])(await Db.ExecuteAsync("HSCAN", Keys.Ledger(id).Outcomes, cursor == "end" ? "0" : cursor, "COUNT", count))!;
        var next = (string)reply[0]!;
        var entries = (RedisResult[])reply[1]!;
        var failed = new List<string>();
        for (var i = 0; i + 1 < entries.Length; i += 2)
        {
            if (((string?)entries[i + 1])?.StartsWith("f:", StringComparison.Ordinal) == true)
            {
                failed.Add((string)entries[i]!);
            }
        }

        return (failed, next == "0" ? null : next);
    }

    public async Task<string?> OutcomeAsync(string id, string openId) => await Db.HashGetAsync(Keys.Ledger(id).Outcomes, openId);
}

/// <summary>
/// What a claim made of one follower (<see cref="BroadcastScripts.Claim"/>): 's' send, 'r' send again (an earlier
/// job's attempt may have reached them), 'd' done already, 'k' skipped now, 'u' failed "unconfirmed" now; for 's' and
/// 'r', when they were first claimed, from which a repeat is safe only within Broadcasts:RetryUnknownWithin.
/// </summary>
public readonly record struct FollowerClaim(char Code, DateTimeOffset FirstClaimed = default)
{
    public bool Send => Code is 's' or 'r';

    public bool Retrying => Code == 'r';

    public static FollowerClaim Parse(string code) => code.Length > 1
        ? new(code[0], DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(code.AsSpan(1), CultureInfo.InvariantCulture)))
        : new(code[0]);
}

/// <summary>Where planning stands: the audience cursor, the chunk being filled and how full it is, whether it is finished.</summary>
public sealed record PlanPosition(string Cursor, int OpenChunk, int OpenCount, bool Planned, int Chunks);

/// <summary>
/// Where a chunk stands: next member to send, done, its mass job, the slice of the audience it was planned from;
/// for a chunk planned as a slice only (no member list), how many it held then, and whether it was settled with
/// too few to send to.
/// </summary>
public sealed record ChunkPosition(
    int Position, bool Done, long? MassMsgId, AudienceRange? Range = null, int? SliceCount = null, bool Unsendable = false);
