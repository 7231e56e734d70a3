using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.Followers;

/// <summary>
/// Hangfire keeps its log provider in a process-wide static, set by the host that configured it last. Hosts
/// sharing a process, starting and stopping at once, must each go on creating jobs under their own prefix.
/// </summary>
[Trait("Category", "Storage")]
public sealed class SharedProcessJobTests(StoreFixture store)
{
    [Fact]
    public async Task HostsStartingAndStoppingTogether_EachCreatesItsJobs()
    {
        await using var wechat = await EmulatorHost.StartAsync();
        for (var round = 0; round < 4; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => StartSyncAsync(wechat)));
        }
    }

    private async Task StartSyncAsync(EmulatorHost wechat)
    {
        await using var server = new ServerFactory(store, new Dictionary<string, string?>
        {
            ["WeChat:AppId"] = wechat.State.Options.AppId,
            ["WeChat:AppSecret"] = wechat.State.Options.AppSecret,
            ["WeChat:ApiBaseUrl"] = wechat.BaseAddress.AbsoluteUri,
        });
        var admin = server.CreateAdminClient();

        using var started = await admin.PostAsync("/admin/api/followers/sync", null);

        Assert.True(started.StatusCode == HttpStatusCode.Accepted,
            $"POST returned {(int)started.StatusCode}\n" + string.Join("\n", server.Logs.Lines.Where(l => l.StartsWith("Error"))));
        var jobId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString();
        var db = await server.ConnectStoreAsync();
        Assert.True(await db.KeyExistsAsync($"{server.KeyPrefix}{{hangfire}}:job:{jobId}"), "the job is stored under this host's prefix");
    }
}
