using Subscription.Server.Jobs;

namespace Subscription.Server.Broadcasts;

/// <summary>
/// The Hangfire side of broadcasts: the planner job, one job per chunk, the scheduled resume. Jobs carry ids and
/// chunk numbers only. The ledger decides what runs; this makes sure a job exists for every chunk that needs one.
/// </summary>
public sealed class BroadcastScheduler(JobClient jobs, BroadcastLedger ledger)
{
    public async Task ScheduleStartAsync(string id, DateTimeOffset? at)
    {
        var jobId = at is { } when && when > DateTimeOffset.UtcNow
            ? await jobs.ScheduleAsync<BroadcastJobs>(j => j.PlanAsync(id, CancellationToken.None), when)
            : await jobs.EnqueueAsync<BroadcastJobs>(j => j.PlanAsync(id, CancellationToken.None));
        await ledger.SetMetaAsync(id, "planJob", jobId);
    }

    public async Task ScheduleResumeAsync(string id, DateTimeOffset at)
    {
        var jobId = await jobs.ScheduleAsync<BroadcastJobs>(j => j.ResumeAsync(id), at);
        await ledger.SetMetaAsync(id, "resumeJob", jobId);
    }

    /// <summary>Deletes the broadcast's pending start or resume job, if any (a cancelled broadcast needs neither).</summary>
    public async Task DeletePendingAsync(string id)
    {
        foreach (var field in new[] { "planJob", "resumeJob" })
        {
            if (await ledger.GetMetaAsync(id, field) is { Length: > 0 } jobId && await jobs.IsWaitingAsync(jobId))
            {
                await jobs.DeleteAsync(jobId);
            }
        }
    }

    /// <summary>Enqueues a chunk's job unless it has one already.</summary>
    public async Task EnsureChunkJobAsync(string id, int chunk)
    {
        if (await ledger.GetChunkFieldAsync(id, chunk, "job") is null)
        {
            await EnqueueChunkAsync(id, chunk);
        }
    }

    /// <summary>
    /// Gets a running broadcast going again: a planner if planning is unfinished, and a job for every unfinished chunk
    /// ready to send whose worker is gone (no lease, and its job neither waiting nor running). A job started twice is
    /// harmless: the lease lets one work, and the ledger never sends a follower twice. A final broadcast leaves the
    /// open set.
    /// </summary>
    public async Task KickAsync(string id) => await KickAsync(id, await ledger.GetAsync(id));

    /// <param name="broadcast">The broadcast as the caller has just read it (null if there is none).</param>
    public async Task KickAsync(string id, Broadcast? broadcast)
    {
        if (broadcast is null || broadcast.State.IsFinal())
        {
            // A crash between the step that made it final and taking it out of the open set left it there.
            await ledger.CloseAsync(id);
            return;
        }

        if (broadcast.State != BroadcastState.Running)
        {
            return;
        }

        if (!broadcast.Planned)
        {
            var planJob = await ledger.GetMetaAsync(id, "planJob");
            if (!await ledger.IsLeasedAsync(id, BroadcastPlanner.PlannerChunk) && (planJob is not { Length: > 0 } || !await jobs.IsWaitingAsync(planJob)))
            {
                var jobId = await jobs.EnqueueAsync<BroadcastJobs>(j => j.PlanAsync(id, CancellationToken.None));
                await ledger.SetMetaAsync(id, "planJob", jobId);
            }
        }

        // While a mass plan is unfinished its newest chunk waits for the planner: in a copying plan the last chunk
        // may still borrow a member from it (mass/send needs two), and a member sent with both would get the issue
        // twice. (A slice plan needs no wait; it costs one chunk's head start.)
        var ready = broadcast.Planned || broadcast.Definition.Channel.IsPerFollower() ? broadcast.Chunks : broadcast.Chunks - 1;
        var fields = await ledger.ChunkFieldsAsync(id);
        var unfinished = Enumerable.Range(0, Math.Max(ready, 0)).Where(chunk => !fields.ContainsKey($"{chunk}:done")).ToList();
        var leased = await ledger.AreLeasedAsync(id, unfinished);
        for (var i = 0; i < unfinished.Count; i++)
        {
            var chunk = unfinished[i];
            if (leased[i] || (fields.TryGetValue($"{chunk}:job", out var jobId) && await jobs.IsWaitingAsync(jobId)))
            {
                continue;
            }

            await EnqueueChunkAsync(id, chunk);
        }
    }

    /// <summary>Enqueues a job for each of the broadcast's first <paramref name="count"/> chunks that has none yet.</summary>
    public async Task EnsureChunkJobsAsync(string id, int count)
    {
        var fields = await ledger.ChunkFieldsAsync(id);
        for (var chunk = 0; chunk < count; chunk++)
        {
            if (!fields.ContainsKey($"{chunk}:job"))
            {
                await EnqueueChunkAsync(id, chunk);
            }
        }
    }

    private async Task EnqueueChunkAsync(string id, int chunk)
    {
        var jobId = await jobs.EnqueueAsync<BroadcastJobs>(j => j.RunChunkAsync(id, chunk, CancellationToken.None));
        await ledger.SetChunkAsync(id, chunk, "job", jobId);
    }
}
