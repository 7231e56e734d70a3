namespace Subscription.Server.Followers;

/// <summary>
/// Runs follower syncs in the background, one at a time per instance (the sync's Redis lease makes it one
/// across instances), and once a day. A run interrupted by a crash resumes from its saved cursor.
/// </summary>
public sealed class FollowerSyncRunner(
    IServiceProvider services, Microsoft.Extensions.Options.IOptions<FollowerSyncOptions> options, ILogger<FollowerSyncRunner> logger) : BackgroundService
{
    private readonly SemaphoreSlim _requested = new(0, 1);

    /// <summary>Asks for a run soon; several requests before it starts make one run.</summary>
    public void Request()
    {
        try
        {
            _requested.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already requested.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            // The interval's wait (forever when zero), cut short by a request.
            var interval = options.Value.SyncInterval is { Ticks: > 0 } every ? every : Timeout.InfiniteTimeSpan;
            var requested = await _requested.WaitAsync(interval, stoppingToken).ContinueWith(t => !t.IsCanceled, TaskScheduler.Default);
            if (!requested)
            {
                return;
            }

            try
            {
                await services.GetRequiredService<FollowerSync>().RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Follower sync failed; its cursor is kept for the next run");
            }
        }
    }
}
