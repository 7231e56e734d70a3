using Microsoft.Extensions.Options;
using Subscription.Server.Subscribers;

namespace Subscription.Server.Broadcasts;

/// <summary>
/// Snapshots a broadcast's audience into chunks, a page at a time by the audience's cursor (never everyone in
/// memory), and starts a chunk job for each chunk. Resumable: every page is one idempotent ledger step.
/// </summary>
public sealed class BroadcastPlanner(
    BroadcastLedger ledger,
    SubscriberStore subscribers,
    BroadcastScheduler scheduler,
    IOptions<BroadcastOptions> options,
    ILogger<BroadcastPlanner> logger)
{
    /// <summary>The lease that keeps a second planner of the same broadcast out.</summary>
    public const int PlannerChunk = -1;

    private const int PageSize = 1_000, MassPageSize = 5_000;

    public async Task PlanAsync(string id, CancellationToken cancellationToken)
    {
        var (_, state) = await ledger.TransitionAsync(id, "start");
        if (state != BroadcastState.Running || await ledger.GetAsync(id) is not { } broadcast)
        {
            return;
        }

        var token = Guid.NewGuid().ToString("N");
        if (!await ledger.LeaseAsync(id, PlannerChunk, token))
        {
            return;
        }

        var enqueues = new ChunkJobEnqueues(scheduler, id, logger);
        try
        {
            var chunks = await PlanChunksAsync(broadcast, token, enqueues, cancellationToken);
            if (chunks is { } count)
            {
                logger.LogInformation("Broadcast {Id} planned: {Chunks} chunks", id, count);
                // Whatever the background enqueues missed, this catches up.
                await enqueues.DrainAsync().ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                await scheduler.EnsureChunkJobsAsync(id, count);
            }
        }
        finally
        {
            // However planning ended, the enqueue in flight finishes before the lease goes; whatever it could not
            // enqueue the next planner or the watchdog will.
            await enqueues.DrainAsync().ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await ledger.ReleaseAsync(id, PlannerChunk, token);
        }
    }

    /// <returns>The number of chunks once planning is finished; null if it stopped early.</returns>
    private async Task<int?> PlanChunksAsync(Broadcast broadcast, string token, ChunkJobEnqueues enqueues, CancellationToken cancellationToken)
    {
        var id = broadcast.Id;
        var channel = broadcast.Definition.Channel;
        if (channel == BroadcastChannel.MassAll)
        {
            // One sendall, no list: WeChat resolves "everyone" itself.
            var position = await ledger.PlanPositionAsync(id);
            if (!position.Planned)
            {
                var active = (await subscribers.GetStatsAsync()).Active;
                await ledger.SetMetaAsync(id, "audience", active);
                await ledger.SetMetaAsync(id, "pcount", 1);
            }

            var planned = await ledger.FinishPlanAsync(id, position, 1);
            return planned >= 0 ? planned : null;
        }

        if (channel == BroadcastChannel.MassOpenIds && broadcast.Definition is { Source: null, Sections: null }
            && await ledger.PlansSlicesAsync(id, await subscribers.OptOutsCompleteAsync(), await subscribers.LastPlaceAsync()) is { } lastPlace)
        {
            return await PlanSlicesAsync(id, lastPlace, token, enqueues, cancellationToken);
        }

        var chunkSize = channel == BroadcastChannel.MassOpenIds ? options.Value.MassChunkSize : options.Value.ChunkSize;
        var smallestLast = channel == BroadcastChannel.MassOpenIds ? 2 : 1;
        var source = broadcast.Definition.Source;
        var pageSize = channel.IsPerFollower() ? PageSize : MassPageSize;
        // The next audience page, read while the current one is appended: its cursor and size are known then.
        (string Cursor, int Size, Task<(IReadOnlyList<string>, string?)> Read)? ahead = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var at = await RenewedPositionAsync(id, token);
            if (at is null || at.Planned)
            {
                return at?.Chunks;
            }

            var size = Math.Min(chunkSize - at.OpenCount, pageSize);
            var (page, next) = source is not null ? await ledger.FailedPageAsync(source, at.Cursor, PageSize)
                : ahead is { } a && a.Cursor == at.Cursor && a.Size == size ? await a.Read
                : await AudiencePageAsync(broadcast, at.Cursor, size);
            // A read ahead that did not match (another planner moved the cursor) is dropped; a failed one only
            // failed to read.
            ahead = null;
            if (source is null && next is not null)
            {
                // Appending an audience page adds all of it: whether it closes the chunk, and so the next size, is known.
                var filled = at.OpenCount + page.Count;
                var nextSize = Math.Min(filled >= chunkSize ? chunkSize : chunkSize - filled, pageSize);
                ahead = (next, nextSize, AudiencePageAsync(broadcast, next, nextSize));
            }

            if (page.Count > 0 || next is not null)
            {
                var closed = await ledger.AppendAsync(id, at, next ?? "end", chunkSize, page, dedupe: source is not null);
                if (closed == BroadcastLedger.Final)
                {
                    return null;
                }

                if (closed == 1 && (channel.IsPerFollower() || at.OpenChunk > 0))
                {
                    // Sending starts while the rest is planned. The newest mass chunk waits: the last one may
                    // still borrow a member from it (mass/send needs two).
                    await enqueues.AddAsync(channel.IsPerFollower() ? at.OpenChunk : at.OpenChunk - 1);
                }

                if (next is not null || closed < 0)
                {
                    continue;
                }

                at = await ledger.PlanPositionAsync(id);
            }

            if (source is not null && !await ledger.HasOutcomesAsync(source))
            {
                // HSCAN reads a key that expired as empty: planned so far is not all who failed.
                await ledger.TransitionAsync(id, "fail", $"The follower results of broadcast {source} expired (Broadcasts:KeepFollowerResults) while its failures were being planned.");
                return null;
            }

            var chunks = await ledger.FinishPlanAsync(id, at, smallestLast);
            if (chunks >= 0 || chunks == BroadcastLedger.Final)
            {
                return chunks >= 0 ? chunks : null;
            }
        }

        return null;
    }

    /// <summary>
    /// A mass broadcast to everyone who takes pushes: each chunk is a slice of the audience cut by rank, its members
    /// fixed when it is first sent. A follower keeps their place in the audience when they follow again, so no one
    /// falls into two slices. Nothing is copied: planning is one round trip a chunk.
    /// </summary>
    /// <param name="lastPlace">Where the audience ended when planning started: those who follow later are not in this broadcast.</param>
    private async Task<int?> PlanSlicesAsync(string id, long lastPlace, string token, ChunkJobEnqueues enqueues, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var at = await RenewedPositionAsync(id, token);
            if (at is null || at.Planned)
            {
                return at?.Chunks;
            }

            // A slice plan's cursor is always the score its last slice ended at.
            var after = long.Parse(at.Cursor, System.Globalization.CultureInfo.InvariantCulture);
            if (await subscribers.NextSliceAsync(after, lastPlace, options.Value.MassChunkSize) is not { } slice)
            {
                var chunks = await ledger.FinishPlanAsync(id, at, 1);
                if (chunks >= 0 || chunks == BroadcastLedger.Final)
                {
                    return chunks >= 0 ? chunks : null;
                }

                continue;
            }

            var planned = await ledger.AppendSliceAsync(id, at, slice);
            if (planned == BroadcastLedger.Final)
            {
                return null;
            }

            if (planned == 1)
            {
                await enqueues.AddAsync(at.OpenChunk);
            }
        }

        return null;
    }

    /// <summary>One round trip: where planning stands, with this planner's lease renewed; null when the lease went to another.</summary>
    private async Task<PlanPosition?> RenewedPositionAsync(string id, string token)
    {
        var (reading, renewing) = (ledger.PlanPositionAsync(id), ledger.LeaseAsync(id, PlannerChunk, token));
        await Task.WhenAll(reading, renewing);
        return reading.Result.Planned || renewing.Result ? reading.Result : null;
    }

    /// <summary>The next active followers after the cursor who take pushes and, if asked, one of the sections.</summary>
    private async Task<(IReadOnlyList<string> Page, string? Next)> AudiencePageAsync(Broadcast broadcast, string cursor, int count)
    {
        var after = cursor == "end" ? long.MaxValue : long.Parse(cursor, System.Globalization.CultureInfo.InvariantCulture);
        var wanted = broadcast.Definition.Sections;
        IReadOnlyList<string> chosen;
        AudiencePage page;
        if (wanted is null)
        {
            page = await subscribers.PageReachableAsync(after, count);
            chosen = page.OpenIds;
        }
        else
        {
            // Sections live in each record.
            page = await subscribers.PageAudienceAsync(after, count);
            var flags = await subscribers.FlagsAsync(page.OpenIds);
            chosen = page.OpenIds.Where((_, i) => flags[i] is { Reach: Reach.Reachable } f && f.Takes(wanted)).ToList();
        }

        return (chosen, page.NextCursor?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
