using Hangfire;

namespace Subscription.Server.Followers;

/// <summary>The follower sync as a Hangfire job: recurring, and enqueued when staff ask.</summary>
public sealed class FollowerSyncJob(FollowerSync sync)
{
    public const string RecurringId = "follower-sync";

    // The sync keeps its own lease and cursor; a retry after a crash simply resumes it.
    [AutomaticRetry(Attempts = 3)]
    public Task RunAsync(CancellationToken cancellationToken) => sync.RunAsync(cancellationToken);
}
