using System.Net;
using System.Net.Sockets;
using Garnet;

namespace Subscription.Server.Storage;

/// <summary>
/// An in-process Garnet bound to loopback, persisting every write to an append-only file in the data folder.
/// Used when no external Redis is configured, so the service runs with nothing but the .NET SDK.
/// </summary>
public sealed class EmbeddedGarnet : IAsyncDisposable, IDisposable
{
    private readonly GarnetServer _server;

    public EmbeddedGarnet(StorageOptions options, string contentRoot, ILoggerFactory loggerFactory)
    {
        DataPath = Path.GetFullPath(Path.Combine(contentRoot, options.DataPath));
        Directory.CreateDirectory(DataPath);
        EndPoint = new IPEndPoint(IPAddress.Loopback, options.EmbeddedPort);
        EnsurePortFree(EndPoint);

        // RandomAccess: Garnet's native device needs libaio, which a fresh machine lacks.
        string[] args =
        [
            "--bind", "127.0.0.1",
            "--port", options.EmbeddedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--storage-tier",
            "--logdir", DataPath,
            "--checkpointdir", DataPath,
            "--device-type", "RandomAccess",
            "--memory", options.EmbeddedMemory,
            // When a log page turns read-only, the thread that turned it serializes every object on it (follower
            // hashes, sets) before going on, inside whatever script it was running. A 16 MB page (the default)
            // holding 200,000 follower records took 0.56 s; 1 MB pages cut that to pieces of a few tens of ms.
            "--page", "1m",
            "--index", "16m",
            "--aof",
            // Writes are acknowledged before their AOF commit either way (Garnet's default); committing once a
            // millisecond instead of once per write widens that window by at most 1 ms and saves a file write and
            // its commit record per script.
            "--aof-commit-freq", "1",
            // Past the limit (checked every few seconds) a checkpoint lets Garnet delete the file's older segments.
            "--aof-size-limit", options.EmbeddedAofLimit,
            "--aof-size-limit-enforce-frequency", "5",
            "--aof-segment-size", AofSegmentSize,
            "--recover",
            "--lua",
            // Without it Garnet interleaves scripts from different connections: every script here relies on atomicity.
            "--lua-transaction-mode",
        ];
        _server = new GarnetServer(args, loggerFactory, cleanupDir: false);
        _server.Start();
    }

    /// <summary>The unit in which the append-only file is dropped; at least Garnet's AOF page (32 MB).</summary>
    private const string AofSegmentSize = "64m";

    public IPEndPoint EndPoint { get; }

    public string DataPath { get; }

    public string ConnectionString => $"{EndPoint.Address}:{EndPoint.Port}";

    private static void EnsurePortFree(IPEndPoint endPoint)
    {
        try
        {
            using var probe = new TcpListener(endPoint);
            probe.Start();
            probe.Stop();
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException(
                $"Storage:EmbeddedPort {endPoint.Port} is in use on 127.0.0.1 ({e.SocketErrorCode}). " +
                "Choose another port with Storage__EmbeddedPort, or set Redis__Configuration to use an external Redis.", e);
        }
    }

    /// <summary>
    /// Commits the append-only file, then stops. Writes are acknowledged before their commit (once a millisecond),
    /// so stopping without one could lose the last of them. The host disposes this after everything that writes.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _server.Store.CommitAOFAsync(CancellationToken.None);
        Dispose();
    }

    // Dispose() without arguments keeps the data folder (Dispose(true) would delete it).
    public void Dispose() => _server.Dispose();
}
