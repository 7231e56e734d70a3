using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.Emulator;

/// <summary>Base of the emulator self-tests: a fresh emulator on a loopback port per test.</summary>
public abstract class EmulatorTest : IAsyncLifetime
{
    private EmulatorHost? _host;
    private EmulatorApi? _api;

    protected EmulatorHost Host => _host ?? throw new InvalidOperationException("not started");

    protected EmulatorApi Api => _api ?? throw new InvalidOperationException("not started");

    protected EmulatorState State => Host.State;

    /// <summary>The options of this class's emulators; a fixed seed keeps fault rolls reproducible.</summary>
    protected virtual EmulatorOptions Options() => new() { RandomSeed = 42 };

    public async ValueTask InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(Options());
        _api = new EmulatorApi(_host);
    }

    public virtual async ValueTask DisposeAsync()
    {
        _api?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected string OpenId(int index) => State.Followers.OpenId(index);

    protected void Advance(TimeSpan by) => State.Clock.Advance(by);

    protected static int Errcode(System.Text.Json.JsonElement body) => EmulatorApi.Errcode(body);
}
