using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Redis.StackExchange;
using Subscription.Server.Storage;

namespace Subscription.Server.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire on the service's own store, under its prefix and one hash tag. The storage and the job activator
    /// are DI singletons registered before AddHangfire, so each host stores and builds its jobs with its own
    /// services, never with the process-wide JobStorage.Current or JobActivator.Current of another host.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JobStorage>(sp =>
        {
            var store = sp.GetRequiredService<RedisStore>();
            return new RedisStorage(store.Connection, new RedisStorageOptions
            {
                Prefix = store.KeyPrefix + "{hangfire}:",
                // Idle workers wait for a pub/sub notice of new work; one that misses it (it subscribed a moment
                // too late, or the connection blinked) looks again after this, not after the default 3 minutes.
                FetchTimeout = TimeSpan.FromSeconds(5),
            });
        });
        services.AddSingleton<JobClient>();
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .UseLogProvider(new HangfireLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        var workers = JobsOptions.ConfiguredWorkers(configuration);
        if (workers > 0)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = workers;
                o.SchedulePollingInterval = JobsOptions.SchedulePolling;
            });
        }

        return services;
    }
}
