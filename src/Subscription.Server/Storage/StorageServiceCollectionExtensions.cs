using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Subscription.Server.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        if (string.IsNullOrWhiteSpace(configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.Configuration)}"]))
        {
            services.AddSingleton(sp => new EmbeddedGarnet(
                sp.GetRequiredService<IOptions<StorageOptions>>().Value,
                sp.GetRequiredService<IHostEnvironment>().ContentRootPath,
                sp.GetRequiredService<ILoggerFactory>()));
        }

        services.AddSingleton(sp =>
        {
            var redis = sp.GetRequiredService<IOptions<RedisOptions>>().Value;
            var garnet = sp.GetService<EmbeddedGarnet>();
            var options = ConfigurationOptions.Parse(garnet?.ConnectionString ?? redis.Configuration!);
            // The description never carries the configuration string: it may hold a password.
            var description = garnet is null
                ? "Redis at " + string.Join(", ", options.EndPoints)
                : $"embedded Garnet at {garnet.ConnectionString}, data in {garnet.DataPath}";
            options.AbortOnConnectFail = false;
            options.ClientName ??= "subscription";
            var connection = ConnectionMultiplexer.Connect(options);
            return new RedisStore(connection, redis.KeyPrefix, description);
        });

        services.AddHostedService<StorageStartup>();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return services;
    }
}
