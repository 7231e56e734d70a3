using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Subscription.Server.Configuration;
using Subscription.Server.Followers;
using Subscription.Server.Storage;
using Subscription.Server.Subscribers;
using Subscription.Server.WeChatApi;
using Subscription.WeChat.Api;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.Infrastructure;

/// <summary>
/// One "server instance" worth of WeChat API components, built as the server builds them but without the
/// web host: its own Redis connection, its own HttpClients to the emulator, a shared key prefix.
/// </summary>
public sealed class ApiRig : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _connection;
    private readonly HttpClient _tokenHttp;
    private readonly HttpClient _apiHttp;

    private ApiRig(ConnectionMultiplexer connection, EmulatorHost emulator, string prefix)
    {
        _connection = connection;
        var store = new RedisStore(connection, prefix, "test");
        var account = Options.Create(new WeChatOptions
        {
            AppId = emulator.State.Options.AppId,
            AppSecret = emulator.State.Options.AppSecret,
            ApiBaseUrl = emulator.BaseAddress,
        });
        _tokenHttp = emulator.CreateClient();
        _apiHttp = emulator.CreateClient();
        Tokens = new AccessTokenService(store, new WeChatTokenClient(_tokenHttp), account, NullLogger<AccessTokenService>.Instance);
        Api = new WeChatApiClient(_apiHttp, Tokens);
        var subscriberOptions = Options.Create(new SubscriberOptions());
        Subscribers = new SubscriberStore(store, new ReaderClock(subscriberOptions, TimeProvider.System), subscriberOptions);
        SyncStore = new FollowerSyncStore(store, Subscribers);
        Sync = new FollowerSync(SyncStore, Subscribers, Api, TimeProvider.System, NullLogger<FollowerSync>.Instance);
    }

    public AccessTokenService Tokens { get; }

    public WeChatApiClient Api { get; }

    public SubscriberStore Subscribers { get; }

    public FollowerSyncStore SyncStore { get; }

    public FollowerSync Sync { get; }

    public static async Task<ApiRig> CreateAsync(StoreFixture store, EmulatorHost emulator, string prefix) =>
        new(await ConnectionMultiplexer.ConnectAsync(store.ConnectionString), emulator, prefix);

    public async ValueTask DisposeAsync()
    {
        Tokens.Dispose();
        _tokenHttp.Dispose();
        _apiHttp.Dispose();
        await _connection.DisposeAsync();
    }
}
