using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Subscription.Server.Storage;

[assembly: AssemblyFixture(typeof(Subscription.Server.Tests.Infrastructure.StoreFixture))]

namespace Subscription.Server.Tests.Infrastructure;

/// <summary>
/// The store every storage-backed test talks to over a socket: the Redis named by SUBSCRIPTION_TEST_REDIS
/// (CI starts a real redis-server), otherwise one embedded Garnet for the whole run.
/// Tests isolate themselves by key prefix, so they run in parallel on one server.
/// </summary>
public sealed class StoreFixture : IDisposable
{
    public const string EnvironmentVariable = "SUBSCRIPTION_TEST_REDIS";

    private readonly EmbeddedGarnet? _garnet;
    private readonly string? _dataPath;

    public StoreFixture()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            ConnectionString = external;
            Kind = "redis-server at " + external;
            return;
        }

        _dataPath = Directory.CreateTempSubdirectory("subscription-garnet-").FullName;
        // Room for the whole run in memory: moving records to disk serializes each sorted set whole, and Garnet
        // 2.2.8 has stopped the test process (FailFast) when that raced an update of the same set.
        _garnet = new EmbeddedGarnet(
            new StorageOptions { DataPath = _dataPath, EmbeddedPort = FreePort(), EmbeddedMemory = "2g" },
            _dataPath,
            NullLoggerFactory.Instance);
        ConnectionString = _garnet.ConnectionString;
        Kind = "embedded Garnet at " + ConnectionString;
    }

    public string ConnectionString { get; }

    public string Kind { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string NewPrefix() => $"test-{Guid.NewGuid():N}:";

    public void Dispose()
    {
        _garnet?.Dispose();
        if (_dataPath is not null)
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }
}
