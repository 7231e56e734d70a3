namespace Subscription.Server.Followers;

/// <summary>POST /admin/api/followers/sync (start or resume) and GET /admin/api/followers/sync (state and counts).</summary>
public static class FollowerSyncEndpoints
{
    public static IServiceCollection AddFollowerSync(this IServiceCollection services)
    {
        services.AddOptions<FollowerSyncOptions>().BindConfiguration(FollowerSyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FollowerSyncStore>();
        services.AddSingleton<FollowerSync>();
        services.AddSingleton<FollowerSyncRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<FollowerSyncRunner>());
        return services;
    }

    public static RouteGroupBuilder MapFollowerSyncAdmin(this RouteGroupBuilder admin)
    {
        admin.MapPost("/followers/sync", async (FollowerSyncRunner runner, FollowerSyncStore store) =>
        {
            runner.Request();
            var state = await store.GetAsync();
            return TypedResults.Accepted("/admin/api/followers/sync", View(state));
        });
        admin.MapGet("/followers/sync", async (FollowerSyncStore store) => TypedResults.Ok(View(await store.GetAsync())));
        return admin;
    }

    private static FollowerSyncView View(FollowerSyncState s) => new(
        s.RunId.Length == 0 ? null : s.RunId, s.Phase.ToString().ToLowerInvariant(), s.StartedAt, s.FinishedAt, s.Listed, s.Added, s.Removed, s.Error);
}

/// <summary>The sync as the admin API shows it; jobId names the run (a resumed run keeps its id).</summary>
public sealed record FollowerSyncView(
    string? JobId, string State, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, long Listed, long Added, long Removed, string? Error);
