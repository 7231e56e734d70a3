using StackExchange.Redis;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Storage;

/// <summary>The embedded default: no Redis configured, the server runs Garnet with an append-only file.</summary>
public sealed class EmbeddedStoreTests(StoreFixture store)
{
    [Fact]
    public async Task Server_RestartedOnTheSameDataFolder_KeepsFollowers()
    {
        var dataPath = Directory.CreateTempSubdirectory("subscription-embedded-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = "",
            ["Redis:KeyPrefix"] = StoreFixture.NewPrefix(), // the same for both server lifetimes
            ["Storage:DataPath"] = dataPath,
            ["Storage:EmbeddedPort"] = StoreFixture.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:EmbeddedMemory"] = "64m",
        };
        try
        {
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

            Assert.NotEmpty(Directory.EnumerateFiles(dataPath, "*", SearchOption.AllDirectories));

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
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task AppendOnlyFile_PastItsLimit_IsCheckpointedAndCutBack_TheDataSurvivesARestart()
    {
        var dataPath = Directory.CreateTempSubdirectory("subscription-embedded-").FullName;
        var port = StoreFixture.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = "",
            ["Storage:DataPath"] = dataPath,
            ["Storage:EmbeddedPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Storage:EmbeddedMemory"] = "64m",
            ["Storage:EmbeddedAofLimit"] = "64m",
        };
        var value = new string('x', 200_000);
        try
        {
            await using (var first = new ServerFactory(store, settings))
            {
                first.CreateClient().Dispose(); // starts the server and its store
                await using var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port}");
                var db = connection.GetDatabase();
                foreach (var batch in Enumerable.Range(0, 800).Chunk(50))
                {
                    await Task.WhenAll(batch.Select(i => db.StringSetAsync($"bulk:{i}", value + i)));
                }

                // About 160 MB were appended; past 64 MB the store checkpoints and deletes what the checkpoint covers.
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (AofBytes(dataPath) > 128L << 20)
                {
                    Assert.True(DateTime.UtcNow < deadline, $"the append-only file was not cut back: {AofBytes(dataPath) >> 20} MB");
                    await Task.Delay(200);
                }
            }

            await using var second = new ServerFactory(store, settings);
            second.CreateClient().Dispose();
            await using var again = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port}");
            Assert.Equal(value + 0, await again.GetDatabase().StringGetAsync("bulk:0"));
            Assert.Equal(value + 799, await again.GetDatabase().StringGetAsync("bulk:799"));
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    private static long AofBytes(string dataPath) =>
        Directory.EnumerateFiles(Path.Combine(dataPath, "AOF"), "aof.log.*").Sum(file => new FileInfo(file).Length);

    [Fact]
    public async Task Stopped_RightAfterAWrite_TheWriteIsThereAfterARestart()
    {
        var dataPath = Directory.CreateTempSubdirectory("subscription-embedded-").FullName;
        var options = new Subscription.Server.Storage.StorageOptions { DataPath = dataPath, EmbeddedPort = StoreFixture.FreePort(), EmbeddedMemory = "64m" };
        var loggers = Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        try
        {
            // Writes are acknowledged before the append-only file commits them: a stop must commit what is pending.
            for (var round = 0; round < 5; round++)
            {
                await using (var garnet = new Subscription.Server.Storage.EmbeddedGarnet(options, dataPath, loggers))
                {
                    await using var connection = await ConnectionMultiplexer.ConnectAsync(garnet.ConnectionString);
                    await connection.GetDatabase().StringSetAsync("round", round + 1);
                }

                await using var restarted = new Subscription.Server.Storage.EmbeddedGarnet(options, dataPath, loggers);
                await using var again = await ConnectionMultiplexer.ConnectAsync(restarted.ConnectionString);
                Assert.Equal(round + 1, (int)await again.GetDatabase().StringGetAsync("round"));
            }
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task Start_AofLimitNotASize_FailsNamingTheSetting()
    {
        var dataPath = Directory.CreateTempSubdirectory("subscription-embedded-").FullName;
        try
        {
            await using var server = new ServerFactory(store, new Dictionary<string, string?>
            {
                ["Redis:Configuration"] = "",
                ["Storage:DataPath"] = dataPath,
                ["Storage:EmbeddedPort"] = StoreFixture.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Storage:EmbeddedAofLimit"] = "lots",
            });

            var error = Assert.ThrowsAny<Exception>(() => server.CreateClient());

            Assert.Contains("Storage:EmbeddedAofLimit must be a size in megabytes or gigabytes", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }

    [Fact]
    public void Start_PortAlreadyTaken_FailsNamingTheSetting()
    {
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((System.Net.IPEndPoint)squatter.LocalEndpoint).Port;
        var options = new Subscription.Server.Storage.StorageOptions { DataPath = Path.GetTempPath(), EmbeddedPort = port };

        var error = Assert.Throws<InvalidOperationException>(() =>
            new Subscription.Server.Storage.EmbeddedGarnet(options, Path.GetTempPath(), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));

        Assert.Contains("Storage:EmbeddedPort", error.Message, StringComparison.Ordinal);
    }
}
