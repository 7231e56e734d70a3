using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Subscription.Server.Storage;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Storage;

/// <summary>The embedded default: no Redis configured, the server runs Garnet with an append-only file.</summary>
public sealed class EmbeddedStoreTests(StoreFixture store)
{
    [Fact]
    public async Task Server_RestartedOnTheSameDataFolder_KeepsFollowers()
    {
        using var folder = new DataFolder();
        var settings = folder.Settings(("Redis:KeyPrefix", StoreFixture.NewPrefix())); // the same for both server lifetimes
        var followedAt = WeChatSender.Now - 30;
        await using (var first = new ServerFactory(store, settings))
        {
            var health = await first.CreateClient().GetStringAsync("/healthz", TestContext.Current.CancellationToken);
            Assert.Contains("embedded Garnet", health);
            // A fresh embedded archive gets the sample issue, so a newcomer sees pages at once.
            var sample = await first.CreateClient().GetStringAsync("/issues/185", TestContext.Current.CancellationToken);
            Assert.Contains("商务部等9部门", sample);
            var wechat = new WeChatSender(first.CreateClient());
            (await wechat.PostAsync(CallbackXml.Subscribe("oPersisted", followedAt, "restart"))).Dispose();
            (await wechat.PostAsync(CallbackXml.Text("oPersisted", followedAt + 5, "退订", 77))).Dispose();
        }

        Assert.NotEmpty(Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories));

        await using var second = new ServerFactory(store, settings);
        var record = (await new AdminApi(second.CreateAdminClient()).SubscriberAsync("oPersisted"))!.Value;
        Assert.Equal("active", record.GetProperty("status").GetString());
        Assert.Equal("restart", record.GetProperty("scene").GetString());
        Assert.False(record.GetProperty("pushEnabled").GetBoolean());
        Assert.Equal(followedAt, record.GetProperty("firstSubscribedAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(1, (await new AdminApi(second.CreateAdminClient()).StatsAsync()).GetProperty("active").GetInt64());
        var reseeded = await second.CreateAdminClient().GetStringAsync("/admin/api/issues/185", TestContext.Current.CancellationToken);
        Assert.Contains("\"number\": 185", reseeded);
    }

    [Fact]
    public async Task AppendOnlyFile_PastItsLimit_IsCheckpointedAndCutBack_TheDataSurvivesARestart()
    {
        using var folder = new DataFolder();
        var settings = folder.Settings(("Storage:EmbeddedAofLimit", "64m"));
        var value = new string('x', 200_000);
        await using (var first = new ServerFactory(store, settings))
        {
            first.CreateClient().Dispose(); // starts the server and its store
            await using var connection = await ConnectionMultiplexer.ConnectAsync(folder.Store);
            var db = connection.GetDatabase();
            foreach (var batch in Enumerable.Range(0, 800).Chunk(50))
            {
                await Task.WhenAll(batch.Select(i => db.StringSetAsync($"bulk:{i}", value + i)));
            }

            // About 160 MB were appended; past 64 MB the store checkpoints and deletes what the checkpoint covers.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (folder.AofBytes() > 128L << 20)
            {
                Assert.True(DateTime.UtcNow < deadline, $"the append-only file was not cut back: {folder.AofBytes() >> 20} MB");
                await Task.Delay(200);
            }
        }

        await using var second = new ServerFactory(store, settings);
        second.CreateClient().Dispose();
        await using var again = await ConnectionMultiplexer.ConnectAsync(folder.Store);
        Assert.Equal(value + 0, await again.GetDatabase().StringGetAsync("bulk:0"));
        Assert.Equal(value + 799, await again.GetDatabase().StringGetAsync("bulk:799"));
    }

    [Fact]
    public async Task Stopped_RightAfterAWrite_TheWriteIsThereAfterARestart()
    {
        using var folder = new DataFolder();
        var options = new StorageOptions { DataPath = folder.Path, EmbeddedPort = folder.Port, EmbeddedMemory = DataFolder.Memory };
        var loggers = NullLoggerFactory.Instance;
        // Writes are acknowledged before the append-only file commits them: a stop must commit what is pending.
        for (var round = 0; round < 5; round++)
        {
            await using (var garnet = new EmbeddedGarnet(options, folder.Path, loggers))
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync(garnet.ConnectionString);
                await connection.GetDatabase().StringSetAsync("round", round + 1);
            }

            await using var restarted = new EmbeddedGarnet(options, folder.Path, loggers);
            await using var again = await ConnectionMultiplexer.ConnectAsync(restarted.ConnectionString);
            Assert.Equal(round + 1, (int)await again.GetDatabase().StringGetAsync("round"));
        }
    }

    [Theory]
    [InlineData("Storage:EmbeddedAofLimit")]
    [InlineData("Storage:EmbeddedMemory")]
    public async Task Start_SizeNotASize_FailsNamingTheSetting(string setting)
    {
        using var folder = new DataFolder();

        var error = await StartupFailure.OfAsync(() => new ServerFactory(store, folder.Settings((setting, "lots"))));

        Assert.Contains($"{setting} must be a size in megabytes or gigabytes", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_PortAlreadyTaken_FailsNamingTheSetting()
    {
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((System.Net.IPEndPoint)squatter.LocalEndpoint).Port;
        var options = new StorageOptions { DataPath = Path.GetTempPath(), EmbeddedPort = port };

        var error = Assert.Throws<InvalidOperationException>(() =>
            new EmbeddedGarnet(options, Path.GetTempPath(), NullLoggerFactory.Instance));

        Assert.Contains("Storage:EmbeddedPort", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A data folder and a free port for one test's embedded store; the folder is deleted after it.</summary>
    private sealed class DataFolder : IDisposable
    {
        public const string Memory = "64m";

        public string Path { get; } = Directory.CreateTempSubdirectory("subscription-embedded-").FullName;

        public int Port { get; } = StoreFixture.FreePort();

        public string Store => $"127.0.0.1:{Port}";

        /// <summary>A server's settings for an embedded store here, with <paramref name="extra"/> on top.</summary>
        public Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
        {
            var settings = new Dictionary<string, string?>
            {
                ["Redis:Configuration"] = "",
                ["Storage:DataPath"] = Path,
                ["Storage:EmbeddedPort"] = Port.ToString(CultureInfo.InvariantCulture),
                ["Storage:EmbeddedMemory"] = Memory,
            };
            foreach (var (key, value) in extra)
            {
                settings[key] = value;
            }

            return settings;
        }

        public long AofBytes() =>
            Directory.EnumerateFiles(System.IO.Path.Combine(Path, "AOF"), "aof.log.*").Sum(file => new FileInfo(file).Length);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
