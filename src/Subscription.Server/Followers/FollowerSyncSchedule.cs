using Hangfire;
using Microsoft.Extensions.Options;
using Subscription.Server.Jobs;
using Subscription.Server.Subscribers;

namespace Subscription.Server.Followers;

/// <summary>
/// Registers (or removes) the recurring follower sync, in the readers' time zone. In the background and
/// retried: a store that is down at start-up must not stop the service.
/// </summary>
internal sealed class FollowerSyncSchedule(
    JobClient jobs, IOptions<FollowerSyncOptions> options, ReaderClock clock, ILogger<FollowerSyncSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RegisterAsync();
                return;
            }
            catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
            {
                logger.LogWarning(e, "Could not register the recurring follower sync; retrying in {RetryAfter}", RetryAfter);
            }

            await Task.Delay(RetryAfter, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private Task RegisterAsync() => string.IsNullOrWhiteSpace(options.Value.SyncCron)
        ? jobs.RemoveRecurringAsync(FollowerSyncJob.RecurringId)
        : jobs.AddOrUpdateRecurringAsync<FollowerSyncJob>(
            FollowerSyncJob.RecurringId, job => job.RunAsync(CancellationToken.None), options.Value.SyncCron,
            new RecurringJobOptions { TimeZone = clock.Zone });
}
