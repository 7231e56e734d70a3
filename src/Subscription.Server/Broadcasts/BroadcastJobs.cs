using Hangfire;

namespace Subscription.Server.Broadcasts;

/// <summary>The Hangfire entry points of broadcasts. Arguments are ids and chunk numbers, never openid lists.</summary>
public sealed class BroadcastJobs(BroadcastPlanner planner, ChunkRunner runner, BroadcastService service)
{
    // Every step is resumable from the ledger, so Hangfire's retries (and the watchdog's) are safe.
    [AutomaticRetry(Attempts = 5)]
    public Task PlanAsync(string id, CancellationToken cancellationToken) => planner.PlanAsync(id, cancellationToken);

    [AutomaticRetry(Attempts = 5)]
    public Task RunChunkAsync(string id, int chunk, CancellationToken cancellationToken) => runner.RunAsync(id, chunk, cancellationToken);

    /// <summary>The scheduled resume after an exhausted quota; nothing to do if staff resumed or cancelled meanwhile.</summary>
    [AutomaticRetry(Attempts = 5)]
    public async Task ResumeAsync(string id)
    {
        try
        {
            await service.ResumeAsync(id);
        }
        catch (BroadcastRequestException)
        {
        }
    }
}
