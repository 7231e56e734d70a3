using Microsoft.Extensions.Options;
using Subscription.Server.Archive;
using Subscription.Server.Issues;
using Subscription.Server.Subscribers;

namespace Subscription.Server.Broadcasts;

/// <summary>
/// Works one chunk under its lease: claims a batch in the ledger, sends it with bounded concurrency, records
/// each outcome, moves on; a follower whose attempt failed for the moment waits out the back-off while later
/// batches go on. Pause and cancel stop new sends within a batch: the job looks at the broadcast's state while it
/// sends. A crash leaves claims the next worker resumes. The lease is renewed while the job runs and lapses when
/// its worker dies.
/// </summary>
public sealed class ChunkRunner(
    BroadcastLedger ledger,
    ArchiveStore archive,
    SubscriberStore subscribers,
    FollowerSender sender,
    MassSender mass,
    BroadcastService service,
    BroadcastScheduler scheduler,
    TimeProvider time,
    IOptions<BroadcastOptions> options,
    ILogger<ChunkRunner> logger)
{
    private const int MaxFailuresBeforePause = 5;

    public async Task RunAsync(string id, int chunk, CancellationToken cancellationToken)
    {
        if (await ledger.GetAsync(id) is not { State: BroadcastState.Running } broadcast)
        {
            return;
        }

        var token = Guid.NewGuid().ToString("N");
        if (!await ledger.LeaseAsync(id, chunk, token))
        {
            return;
        }

        using var renewal = new PeriodicTimer(options.Value.Lease / 3, time);
        var keeper = KeepLeaseAsync(id, chunk, token, renewal, cancellationToken);
        SendStop? stop = null;
        try
        {
            var at = await ledger.ChunkAsync(id, chunk);
            if (at.Done)
            {
                return;
            }

            if (await archive.GetPublishedAsync(broadcast.Definition.Issue) is not { } stored)
            {
                await ledger.TransitionAsync(id, "fail", $"Issue {broadcast.Definition.Issue} is not published.");
                return;
            }

            stop = new SendStop(time, options.Value.QuotaExhaustedAfter);
            if (broadcast.Definition.Channel.IsPerFollower())
            {
                using var checks = new PeriodicTimer(options.Value.StateCheckInterval, time);
                var watcher = WatchStateAsync(id, stop, checks, cancellationToken);
                try
                {
                    await RunFollowersAsync(broadcast, stored.Issue, chunk, at.Position, token, stop, cancellationToken);
                }
                finally
                {
                    checks.Dispose();
                    await watcher;
                }
            }
            else
            {
                await mass.SendChunkAsync(broadcast, stored.Issue, chunk, at, token, stop, cancellationToken);
            }

            if (stop.Stopped)
            {
                await service.StopForAsync(id, stop);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Hangfire retries the job and the watchdog starts a new one; a chunk that keeps failing pauses the
            // broadcast with the reason instead of looping for ever.
            if (await ledger.CountChunkFailureAsync(id, chunk) % MaxFailuresBeforePause == 0)
            {
                await ledger.TransitionAsync(id, "pause", $"Chunk {chunk} failed {MaxFailuresBeforePause} times; last error: {e.GetType().Name}: {e.Message}");
            }

            throw;
        }
        finally
        {
            // Stopping the timer ends the keeper's wait with no exception (a chunk job ends this way every time).
            renewal.Dispose();
            await keeper;
            await ledger.ReleaseAsync(id, chunk, token);
        }

        // A resume while this job wound down found the chunk still leased and left it: without this it would wait
        // for the watchdog's next round. Whichever of the two comes second sees the other's write.
        if (stop is { Stopped: true } && await ledger.StateAsync(id) == BroadcastState.Running)
        {
            await scheduler.KickAsync(id);
        }
    }

    /// <param name="position">The chunk's first member without an outcome, read under this job's lease.</param>
    private async Task RunFollowersAsync(
        Broadcast broadcast, Issue issue, int chunk, int position, string token, SendStop stop, CancellationToken cancellationToken)
    {
        var (id, channel) = (broadcast.Id, broadcast.Definition.Channel);
        var o = options.Value;
        // Followers waiting out a back-off while the job goes on. The chunk's position stays at the first of them:
        // a job that dies leaves them to the next, which finds everyone after them done and sends to them again.
        // A batch of them waiting means WeChat is failing widely: no one new is tried until they thin out.
        var waiting = new List<FollowerSend>();
        var next = position;
        var batchSize = o.BatchFor(channel);
        try
        {
            // Only the lease holder moves the position, and the ledger refuses this job's writes once the lease is lost.
            while (!stop.Stopped && !cancellationToken.IsCancellationRequested)
            {
                var members = waiting.Count < batchSize ? await ledger.MembersAsync(id, chunk, next, batchSize) : [];
                var now = time.GetUtcNow();
                if (members.Count == 0 && waiting.Count == 0)
                {
                    if (await ledger.ChunkDoneAsync(id, chunk, token))
                    {
                        logger.LogInformation("Broadcast {Id} completed", id);
                    }

                    return;
                }

                if (members.Count == 0 && waiting.Min(w => w.Retry!.Due) is var due && due > now)
                {
                    await stop.WaitAsync(due - now, cancellationToken);
                    continue;
                }

                var sends = waiting.Where(w => w.Retry!.Due <= now).ToList();
                waiting.RemoveAll(w => w.Retry!.Due <= now);
                if (members.Count > 0)
                {
                    // Only customer-service messages need each record (its last interaction, its sections).
                    var flags = channel == BroadcastChannel.Custom ? await subscribers.FlagsAsync(members) : null;
                    var reach = flags is null ? await subscribers.ReachAsync(members) : [.. flags.Select(FollowerFlags.ReachOf)];
                    var windowStart = (time.GetUtcNow() - o.CustomWindow).ToUnixTimeSeconds();
                    var batch = members.Select((openId, i) => (openId, SkipReason(reach[i], flags?[i], windowStart))).ToList();
                    var (state, claims) = await ledger.ClaimAsync(id, chunk, token, batch);
                    if (state != "running")
                    {
                        waiting.AddRange(sends);
                        break;
                    }

                    for (var i = 0; i < members.Count; i++)
                    {
                        if (claims[i].Send)
                        {
                            sends.Add(new FollowerSend(next + i, members[i], flags?[i]?.Sections ?? [], claims[i]));
                        }
                    }
                }

                var results = new (string Outcome, FollowerRetry? Retry)[sends.Count];
                await Parallel.ForEachAsync(Enumerable.Range(0, sends.Count), new ParallelOptions { MaxDegreeOfParallelism = o.Concurrency },
                    async (i, _) => results[i] = await sender.AttemptAsync(id, channel, issue, sends[i], stop, cancellationToken));

                // "-": the job is stopping and no attempt can have reached them. "?": one may have; their claim stays,
                // for the next job to settle.
                var recorded = new List<(string OpenId, string Outcome)>(sends.Count);
                var complete = true;
                for (var i = 0; i < sends.Count; i++)
                {
                    if (results[i].Retry is { } retry)
                    {
                        waiting.Add(sends[i] with { Retry = retry });
                        continue;
                    }

                    complete &= results[i].Outcome is not ("-" or "?");
                    if (results[i].Outcome != "?")
                    {
                        recorded.Add((sends[i].OpenId, results[i].Outcome));
                    }
                }

                next += members.Count;
                var settled = waiting.Count == 0 ? next : Math.Min(next, waiting.Min(w => w.Index));
                if (!await ledger.RecordAsync(id, chunk, token, complete ? settled : null, recorded) || !complete)
                {
                    return;
                }
            }
        }
        finally
        {
            // However the job ends (stopped, lease lost, an error, shut down), a claim no attempt can have reached
            // is given back. Once the lease is lost the claims are the next job's, and the ledger leaves them be.
            await GiveBackAsync(id, chunk, token, waiting);
        }
    }

    /// <summary>Records "-" for each follower still waiting to retry whom no attempt can have reached.</summary>
    private async Task GiveBackAsync(string id, int chunk, string token, List<FollowerSend> waiting)
    {
        List<(string OpenId, string Outcome)> released =
            [.. waiting.Select(w => (w.OpenId, Outcome: w.Retry!.WhenStopped)).Where(r => r.Outcome == "-")];
        if (released.Count == 0)
        {
            return;
        }

        try
        {
            await ledger.RecordAsync(id, chunk, token, null, released);
        }
        catch (Exception e)
        {
            // Not to hide why the job ended. The next job finds their claims and sends again only while WeChat
            // de-duplicates.
            logger.LogWarning(e, "Broadcast {Id}: could not give back {Count} claims of chunk {Chunk}", id, released.Count, chunk);
        }
    }

    /// <param name="record">The follower's record, read for customer-service messages only.</param>
    private static string SkipReason(Reach reach, FollowerFlags? record, long windowStart) => reach switch
    {
        Reach.Unsubscribed => SkipReasons.Unsubscribed,
        Reach.OptedOut => SkipReasons.OptedOut,
        _ when record is not null && record.LastInteractionAt < windowStart => SkipReasons.OutsideWindow,
        _ => "",
    };

    /// <summary>Stops new sends once the broadcast leaves running: staff paused or cancelled it.</summary>
    /// <param name="timer">Ticks while the job sends; disposed when it ends.</param>
    private async Task WatchStateAsync(string id, SendStop stop, PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            while (!stop.Stopped && await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    if (await ledger.StateAsync(id) is { } state && state != BroadcastState.Running)
                    {
                        stop.Stop(StopKind.NotRunning, $"The broadcast is {state.Name()}.");
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The ledger still refuses the next batch's claims unless the broadcast is running.
                    logger.LogWarning(e, "Broadcast {Id}: could not read its state", id);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <param name="timer">Ticks while the job runs; disposed when it ends.</param>
    private async Task KeepLeaseAsync(string id, int chunk, string token, PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await ledger.LeaseAsync(id, chunk, token);
                }
                catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
                {
                    // The next tick tries again; if the lease lapses meanwhile, the ledger refuses this job's claims.
                    logger.LogWarning(e, "Broadcast {Id}: could not renew the lease of chunk {Chunk}", id, chunk);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
