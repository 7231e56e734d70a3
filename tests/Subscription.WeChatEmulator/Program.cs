using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator;

/// <summary>Runs the emulator standalone; see README.md for the settings. A class (not static) so tests can use WebApplicationFactory&lt;Program&gt;.</summary>
public sealed class Program
{
    private Program()
    {
    }

    public static async Task Main(string[] args)
    {
        var app = EmulatorApp.Build(new EmulatorOptions(), args);
        await app.StartAsync();
        var state = app.State();
        Console.WriteLine($"WeChat emulator for {state.Options.AppId} listening on {string.Join(", ", app.Urls)}");
        await app.WaitForShutdownAsync();
    }
}
