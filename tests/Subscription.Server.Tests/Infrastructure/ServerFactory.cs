using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Subscription.Server.Tests.Infrastructure;

/// <summary>The real server (real HTTP pipeline, real store over a socket) under its own key prefix.</summary>
public sealed class ServerFactory(StoreFixture store, IReadOnlyDictionary<string, string?>? overrides = null)
    : WebApplicationFactory<Program>
{
    public string KeyPrefix { get; } = StoreFixture.NewPrefix();

    public LogCollector Logs { get; } = new();

    public StoreFixture Store => store;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["WeChat:AppId"] = TestAccount.AppId,
            ["WeChat:AppSecret"] = TestAccount.AppSecret,
            ["WeChat:Token"] = TestAccount.Token,
            ["WeChat:EncodingAesKey"] = TestAccount.EncodingAesKey,
            ["Admin:ApiKey"] = TestAccount.AdminApiKey,
            ["Redis:Configuration"] = store.ConnectionString,
            ["Redis:KeyPrefix"] = KeyPrefix,
            // No Hangfire server in every test host; the tests that run jobs ask for workers.
            ["Jobs:Workers"] = "0",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
    }

    /// <summary>A client with the admin API key.</summary>
    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", TestAccount.AdminApiKey);
        return client;
    }

    /// <summary>A direct connection to the store, for asserting what the server left there.</summary>
    public async Task<IDatabase> ConnectStoreAsync()
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(store.ConnectionString);
        _connections.Add(connection);
        return connection.GetDatabase();
    }

    private readonly List<ConnectionMultiplexer> _connections = [];

    public override async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
