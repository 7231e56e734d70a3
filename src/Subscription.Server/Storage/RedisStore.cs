using StackExchange.Redis;

namespace Subscription.Server.Storage;

/// <summary>The one connection to Redis (or the embedded Garnet) and the key prefix every feature builds on.</summary>
public sealed class RedisStore(IConnectionMultiplexer connection, string keyPrefix, string description) : IAsyncDisposable
{
    public IDatabase Database => connection.GetDatabase();

    public IConnectionMultiplexer Connection => connection;

    public string KeyPrefix { get; } = keyPrefix;

    /// <summary>"embedded Garnet at 127.0.0.1:6380" or "Redis at …", for logs and /healthz.</summary>
    public string Description { get; } = description;

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
