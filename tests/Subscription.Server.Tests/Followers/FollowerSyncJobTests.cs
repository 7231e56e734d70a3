using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.Followers;

/// <summary>Staff start a sync through the admin API; a Hangfire worker of the real server runs it against the emulator.</summary>
[Trait("Category", "Storage")]
public sealed class FollowerSyncJobTests(StoreFixture store) : IAsyncLifetime
{
    private EmulatorHost _wechat = null!;
    private ServerFactory _server = null!;

    public async ValueTask InitializeAsync()
    {
        _wechat = await EmulatorHost.StartAsync();
        _wechat.State.Followers.Seed(2_000);
        _server = new ServerFactory(store, new Dictionary<string, string?>
        {
            ["WeChat:AppId"] = _wechat.State.Options.AppId,
            ["WeChat:AppSecret"] = _wechat.State.Options.AppSecret,
            ["WeChat:ApiBaseUrl"] = _wechat.BaseAddress.AbsoluteUri,
            ["Jobs:Workers"] = "1",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _wechat.DisposeAsync();
    }

    [Fact]
    public async Task PostSync_HangfireRunsIt_AudienceMatchesWeChat()
    {
        var admin = _server.CreateAdminClient();

        using var started = await admin.PostAsync("/admin/api/followers/sync", null);

        Assert.True(started.StatusCode == HttpStatusCode.Accepted,
            $"POST returned {(int)started.StatusCode}: {await started.Content.ReadAsStringAsync()}\n" +
            string.Join("\n", _server.Logs.Lines.Where(l => l.StartsWith("Error") || l.StartsWith("Warning"))));
        var jobId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString();
        Assert.False(string.IsNullOrEmpty(jobId));

        JsonElement state = default;
        string? phase = null;
        for (var i = 0; i < 300 && phase != "completed"; i++)
        {
            await Task.Delay(100);
            state = await admin.GetFromJsonAsync<JsonElement>("/admin/api/followers/sync");
            phase = state.GetProperty("state").GetString();
        }

        Assert.Equal("completed", state.GetProperty("state").GetString());
        Assert.Equal(2_000, state.GetProperty("listed").GetInt64());
        Assert.Equal(2_000, state.GetProperty("added").GetInt64());
        Assert.Equal(2_000, (await new AdminApi(admin).StatsAsync()).GetProperty("active").GetInt64());
    }
}
