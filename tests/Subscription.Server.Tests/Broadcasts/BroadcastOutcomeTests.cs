using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Subscription.Server.Broadcasts;
using Subscription.Server.Subscribers;
using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChatEmulator.Faults;
using Subscription.WeChatEmulator.Followers;
using EmulatorXml = Subscription.WeChatEmulator.Callbacks.CallbackXml;

namespace Subscription.Server.Tests.Broadcasts;

/// <summary>What happens to followers after the send: WeChat's job results, resending to the failed, the 48-hour window.</summary>
[Trait("Category", "Storage")]
public sealed class BroadcastOutcomeTests(StoreFixture store)
{
    [Fact]
    public async Task TemplateJobFinished_UserBlock_TurnsSentIntoFailed_Once()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 50, workers: 1);
        var blocked = rig.OpenIds.Take(5).ToList();
        var id = await rig.StartAsync("template");
        await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));
        var ledger = rig.Server.Services.GetRequiredService<BroadcastLedger>();
        var wechat = new WeChatSender(rig.Server.CreateClient());

        var msgIds = new Dictionary<string, long>();
        foreach (var openId in rig.OpenIds)
        {
            var outcome = (await ledger.OutcomeAsync(id, openId))!;
            Assert.StartsWith("s:", outcome);
            msgIds[openId] = long.Parse(outcome[2..], System.Globalization.CultureInfo.InvariantCulture);
        }

        // WeChat retries a push it thinks failed: the second round must change nothing.
        for (var round = 0; round < 2; round++)
        {
            foreach (var (openId, msgId) in msgIds)
            {
                var status = blocked.Contains(openId) ? "failed:user block" : "success";
                var xml = EmulatorXml.TemplateSendJobFinish(TestAccount.OriginalId, openId, WeChatSender.Now, msgId, status);
                using var response = await wechat.PostAsync(xml);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        var view = await rig.GetAsync(id);
        Assert.Equal(45, view.GetProperty("sent").GetInt64());
        Assert.Equal(5, view.GetProperty("failed").GetInt64());
        Assert.Equal(5, view.GetProperty("failedByCode").GetProperty("failed:user block").GetInt64());
        Assert.Equal(45, view.GetProperty("reported").GetProperty("success").GetInt64());
        Assert.Equal("f:failed:user block", await ledger.OutcomeAsync(id, blocked[0]));
    }

    [Fact]
    public async Task MassJobFinished_WeChatsCountsRecordedOnce()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 30, workers: 1);
        var id = await rig.StartAsync("mass-openids");
        await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));
        var job = Assert.Single(rig.WeChat.State.Mass.All());
        var wechat = new WeChatSender(rig.Server.CreateClient());

        for (var round = 0; round < 2; round++)
        {
            var xml = EmulatorXml.MassSendJobFinish(TestAccount.OriginalId, WeChatSender.Now, job.MsgId, "send success", 30, 29, 28, 1);
            using var response = await wechat.PostAsync(xml);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var reported = (await rig.GetAsync(id)).GetProperty("reported");
        Assert.Equal(30, reported.GetProperty("total").GetInt64());
        Assert.Equal(28, reported.GetProperty("sent").GetInt64());
        Assert.Equal(1, reported.GetProperty("errors").GetInt64());
        Assert.Equal(1, reported.GetProperty("jobs:sendsuccess").GetInt64());
    }

    [Fact]
    public async Task MassJobFinishedNeverCame_MassGetFillsIn()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 30, workers: 1,
            settings: new Dictionary<string, string?> { ["Broadcasts:MassStatusPollAfter"] = "00:00:01" });
        var id = await rig.StartAsync("mass-openids");
        await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement reported;
        while (!(reported = (await rig.GetAsync(id)).GetProperty("reported")).TryGetProperty("jobs:SEND_SUCCESS", out _))
        {
            Assert.True(DateTime.UtcNow < deadline, $"mass/get filled in the job's status: {reported}");
            await Task.Delay(200);
        }

        Assert.Equal(1, reported.GetProperty("jobs:SEND_SUCCESS").GetInt64());
    }

    [Fact]
    public async Task ResendFailed_ReachesExactlyTheFailed_Once()
    {
        var options = new WeChatEmulator.Hosting.EmulatorOptions { RandomSeed = 11 };
        await using var rig = await BroadcastRig.CreateAsync(store, 300, options, workers: 1);
        rig.InjectFaults(new FaultProfile { ErrorRates = { [48002] = 0.2 } });
        var id = await rig.StartAsync("template");
        var first = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));
        var failed = first.GetProperty("failed").GetInt64();
        Assert.InRange(failed, 20, 120);
        Assert.Equal(failed, first.GetProperty("failedByCode").GetProperty("48002").GetInt64());
        var reached = rig.OpenIds.Where(o => rig.WeChat.State.Deliveries.CountFor(o) == 1).ToHashSet();
        rig.WeChat.State.Faults.Clear();

        using var resend = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/resend-failed", null);
        Assert.Equal(HttpStatusCode.Created, resend.StatusCode);
        var resendId = (await resend.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var second = await rig.WaitForStateAsync(resendId, "completed", TimeSpan.FromSeconds(30));

        Assert.Equal(failed, second.GetProperty("audience").GetInt64());
        Assert.Equal(failed, second.GetProperty("sent").GetInt64());
        Assert.Equal(id, second.GetProperty("source").GetString());
        Assert.Empty(rig.WeChat.State.Deliveries.Duplicates());
        Assert.All(rig.OpenIds, openId => Assert.Single(rig.WeChat.State.Deliveries.For(openId)));
        Assert.Equal(300 - failed, reached.Count);

        using var again = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/resend-failed", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(resendId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("existingId").GetString());
    }

    [Fact]
    public async Task Custom_OnlyFollowersWhoInteractedWithin48Hours()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 40, workers: 1, followedAt: DateTimeOffset.UtcNow.AddDays(-3));
        var subscribers = rig.Server.Services.GetRequiredService<SubscriberStore>();
        var recent = rig.OpenIds.Take(15).ToList();
        foreach (var openId in recent)
        {
            await subscribers.TouchAsync(openId, DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds());
            Assert.True(rig.WeChat.State.Followers.TryResolve(openId, out var index));
            rig.WeChat.State.Followers.Interact(index, Trigger.Message);
        }

        var id = await rig.StartAsync("custom");
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));

        Assert.Equal(15, view.GetProperty("sent").GetInt64());
        Assert.Equal(25, view.GetProperty("skippedByReason").GetProperty("outside-window").GetInt64());
        Assert.All(rig.OpenIds, openId => Assert.Equal(recent.Contains(openId) ? 1 : 0, rig.WeChat.State.Deliveries.CountFor(openId)));
    }

    [Fact]
    public async Task WeChatSaysFollowerLeft_SkippedAndMarkedUnsubscribed()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 20, workers: 1);
        var left = rig.OpenIds[3];
        Assert.True(rig.WeChat.State.Followers.TryResolve(left, out var index));
        rig.WeChat.State.Followers.Unfollow(index); // the unsubscribe event never reached us

        var id = await rig.StartAsync("template");
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));

        Assert.Equal(19, view.GetProperty("sent").GetInt64());
        Assert.Equal(1, view.GetProperty("skippedByReason").GetProperty("unsubscribed").GetInt64());
        var subscriber = await rig.Admin.GetFromJsonAsync<JsonElement>($"/admin/api/subscribers/{left}");
        Assert.Equal("inactive", subscriber.GetProperty("status").GetString());
    }
}
