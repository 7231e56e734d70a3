namespace Subscription.Server.Broadcasts;

/// <summary>
/// Enqueues the planner's chunk jobs one after another beside it rather than in its path: Hangfire's enqueue takes
/// several store round trips, as long as appending a page. One is in flight at a time; the next waits for it and so
/// raises its failure.
/// </summary>
internal sealed class ChunkJobEnqueues(BroadcastScheduler scheduler, string id, ILogger logger)
{
    private Task _last = Task.CompletedTask;

    public async Task AddAsync(int chunk)
    {
        await _last;
        _last = EnsureAsync(chunk);
    }

    /// <summary>Completes when the job in flight has been enqueued.</summary>
    public Task DrainAsync() => _last;

    private async Task EnsureAsync(int chunk)
    {
        try
        {
            await scheduler.EnsureChunkJobAsync(id, chunk);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Broadcast {Id}: enqueueing the job of chunk {Chunk} failed", id, chunk);
            throw;
        }
    }
}
