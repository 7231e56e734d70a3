using Subscription.Server.Jobs;

namespace Subscription.Server.Followers;

/// <summary>POST /admin/api/followers/sync (start or resume) and GET /admin/api/followers/sync (state and counts).</summary>
public static class FollowerSyncEndpoints
{
    public static IServiceCollection AddFollowerSync(this IServiceCollection services)
    {
        services.AddOptions<FollowerSyncOptions>().BindConfiguration(FollowerSyncOptions.Section).ValidateOnStart();
        services.AddSingleton<FollowerSyncStore>();
        services.AddSingleton<FollowerSync>();
        services.AddTransient<FollowerSyncJob>();
        services.AddHostedService<FollowerSyncSchedule>();
        return services;
    }

    public static RouteGroupBuilder MapFollowerSyncAdmin(this RouteGroupBuilder admin)
    {
        admin.MapPost("/followers/sync", async (JobClient jobs, FollowerSyncStore store) =>
        {
            var jobId = await jobs.EnqueueAsync<FollowerSyncJob>(job => job.RunAsync(CancellationToken.None));
            return TypedResults.Accepted("/admin/api/followers/sync", new FollowerSyncStarted(jobId, View(await store.GetAsync())));
        });
        admin.MapGet("/followers/sync", async (FollowerSyncStore store) => TypedResults.Ok(View(await store.GetAsync())));
        return admin;
    }

    private static FollowerSyncView View(FollowerSyncState s) => new(
        s.RunId.Length == 0 ? null : s.RunId, s.Phase.ToString().ToLowerInvariant(), s.StartedAt, s.FinishedAt, s.Listed, s.Added, s.Removed, s.Error);
}

/// <summary>The last (or current) sync run as the admin API shows it; a resumed run keeps its id.</summary>
public sealed record FollowerSyncView(
    string? RunId, string State, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, long Listed, long Added, long Removed, string? Error);

/// <summary>The answer to starting a sync: the Hangfire job that runs it, and the sync as it stands.</summary>
public sealed record FollowerSyncStarted(string JobId, FollowerSyncView Sync);
