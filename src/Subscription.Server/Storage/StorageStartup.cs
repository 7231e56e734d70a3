using StackExchange.Redis;

namespace Subscription.Server.Storage;

/// <summary>Opens the store when the host starts (not at the first callback) and says where it is.</summary>
internal sealed class StorageStartup(IServiceProvider services, ILogger<StorageStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<RedisStore>();
        try
        {
            var latency = await store.Database.PingAsync();
            logger.LogInformation("Storage: {Store} (ping {LatencyMs:F1} ms)", store.Description, latency.TotalMilliseconds);
        }
        catch (RedisException e)
        {
            // Keep running: /healthz reports it and the connection retries in the background.
            logger.LogError(e, "Storage: {Store} is not reachable yet", store.Description);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
