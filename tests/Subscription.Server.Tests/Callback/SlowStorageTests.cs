using System.Diagnostics;
using System.Net;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Callback;

/// <summary>WeChat waits 5 s; a slow store must cost a reply, never the deadline.</summary>
[Trait("Category", "Storage")]
public sealed class SlowStorageTests(StoreFixture store)
{
    [Fact]
    public async Task Post_StorageStalls_AnswersSuccessWellInsideDeadline()
    {
        await using var proxy = new DelayProxy(store.ConnectionString);
        await using var server = new ServerFactory(store, new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = proxy.Endpoint,
            ["Callback:StorageTimeout"] = "00:00:01",
        });
        var wechat = new WeChatSender(server.CreateClient());
        using (var warm = await wechat.PostAsync(CallbackXml.Subscribe("oWarm", WeChatSender.Now)))
        {
            Assert.Contains("<Content>", await warm.Content.ReadAsStringAsync());
        }

        proxy.Delay = TimeSpan.FromSeconds(3);
        var clock = Stopwatch.StartNew();
        using var response = await wechat.PostAsync(CallbackXml.Subscribe("oSlow", WeChatSender.Now));
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("success", await response.Content.ReadAsStringAsync());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4));
        Assert.Contains(server.Logs.Lines, l => l.Contains("did not answer within", StringComparison.Ordinal));
    }
}
