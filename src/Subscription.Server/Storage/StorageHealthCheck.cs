using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Subscription.Server.Storage;

internal sealed class StorageHealthCheck(RedisStore store) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await store.Database.PingAsync().WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy(store.Description, new Dictionary<string, object>
            {
                ["latencyMs"] = Math.Round(latency.TotalMilliseconds, 2),
            });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{store.Description} is not reachable: {e.GetType().Name}");
        }
    }
}
