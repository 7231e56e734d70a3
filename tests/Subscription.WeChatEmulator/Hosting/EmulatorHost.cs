namespace Subscription.WeChatEmulator.Hosting;

/// <summary>An emulator running in-process on a free loopback port, for tests and benchmarks.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private EmulatorHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    /// <summary>e.g. http://127.0.0.1:43817/ — what the server's WeChat__ApiBaseUrl should be.</summary>
    public Uri BaseAddress { get; }

    public EmulatorState State => App.State();

    public Callbacks.FollowerSimulator Simulator => App.Simulator();

    public static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var app = EmulatorApp.Build(new EmulatorState(options ?? new EmulatorOptions()));
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync(cancellationToken);
        return new EmulatorHost(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
