using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.Emulator;

public sealed class HostingTests
{
    [Fact]
    public async Task The_emulator_runs_under_WebApplicationFactory_with_settings_from_configuration()
    {
        await using var factory = new WebApplicationFactory<Subscription.WeChatEmulator.Program>()
            .WithWebHostBuilder(builder => builder.UseSetting("Emulator:SeedFollowers", "7"));
        using var client = factory.CreateClient();

        var state = await client.GetStringAsync("/_emulator/state");

        Assert.Contains("\"subscribed\":7", state);
    }

    [Fact]
    public async Task The_emulator_refuses_to_listen_beyond_loopback()
    {
        await using var app = EmulatorApp.Build(new EmulatorState(new EmulatorOptions()));
        app.Urls.Clear();
        app.Urls.Add("http://0.0.0.0:0");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());
        Assert.Contains("loopback", error.Message);
    }
}
