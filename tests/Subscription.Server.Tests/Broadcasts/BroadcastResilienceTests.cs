using Microsoft.Extensions.DependencyInjection;
using Subscription.Server.Broadcasts;
using Subscription.Server.Subscribers;
using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Faults;
using Subscription.WeChatEmulator.Followers;

namespace Subscription.Server.Tests.Broadcasts;

/// <summary>Workers that die, instances that share, staff who pause: still each follower exactly once.</summary>
[Trait("Category", "Storage")]
public sealed class BroadcastResilienceTests(StoreFixture store)
{
    private const int Followers = 3_000;

    [Fact]
    public async Task WorkerProcessKilledMidBroadcast_NewWorkerCompletesIt_NoDuplicateNoGap()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, Followers, workers: 0);
        rig.InjectFaults(new FaultProfile { Latency = TimeSpan.FromMilliseconds(10) });
        await using var worker = await ServerProcess.StartAsync(rig.ProcessSettings(workers: 2));

        var id = await rig.StartAsync("template");
        var deliveries = rig.WeChat.State.Deliveries;
        await BroadcastRig.WaitUntilAsync(() => deliveries.Total >= 600, TimeSpan.FromSeconds(60), "the worker process sends");
        await worker.KillAsync();
        var sentBeforeKill = deliveries.Total;
        Assert.True(sentBeforeKill < Followers, $"the process was killed mid-broadcast ({sentBeforeKill} sent)");
        Assert.Equal("running", (await rig.GetAsync(id)).GetProperty("state").GetString());

        rig.AddServer(workers: 2).CreateClient();
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(90));

        Assert.Empty(deliveries.Duplicates());
        Assert.All(rig.OpenIds, openId => Assert.Single(deliveries.For(openId)));
        Assert.Equal(Followers, view.GetProperty("sent").GetInt64());
    }

    [Fact]
    public async Task TwoInstancesShareOneBroadcast_NoDuplicates()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, Followers, workers: 2);
        rig.InjectFaults(new FaultProfile { Latency = TimeSpan.FromMilliseconds(2), ErrorRates = { [-1] = 0.05 }, TimeoutAfterDeliveryRate = 0.01 });
        var second = rig.AddServer(workers: 2);
        second.CreateClient();

        var id = await rig.StartAsync("template");
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(90), second.CreateAdminClient());

        var deliveries = rig.WeChat.State.Deliveries;
        Assert.Empty(deliveries.Duplicates());
        Assert.All(rig.OpenIds, openId => Assert.Single(deliveries.For(openId)));
        Assert.Equal(Followers, view.GetProperty("sent").GetInt64());
        Assert.Equal(view.GetProperty("chunks").GetInt32(), view.GetProperty("chunksDone").GetInt32());
    }

    [Fact]
    public async Task Pause_StopsSendsAndBackOffsMidBatch_NothingSentWhilePaused_ResumeCompletes()
    {
        // One batch of 1,000 takes seconds at this latency, and a follower refused with -1 waits 30 s to retry.
        await using var rig = await BroadcastRig.CreateAsync(
            store, 2_000, workers: 1, settings: BroadcastRig.OneChunk(2_000, batch: 1_000, backoff: TimeSpan.FromSeconds(30)));
        rig.WeChat.State.Faults.Set(ApiFamily.Template, new FaultProfile { Latency = TimeSpan.FromMilliseconds(100), ErrorRates = { [-1] = 0.1 } });
        var id = await rig.StartAsync("template");
        var deliveries = rig.WeChat.State.Deliveries;
        await BroadcastRig.WaitUntilAsync(() => deliveries.Total >= 100, TimeSpan.FromSeconds(30), "sending starts");

        using var paused = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/pause", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, paused.StatusCode);
        // The job ends without waiting out its followers' back-off.
        await rig.WaitUntilChunkJobEndsAsync(id, 0, TimeSpan.FromSeconds(5));

        var atPause = deliveries.Total;
        Assert.True(atPause < 1_000, $"sending stopped inside the first batch ({atPause} sent)");
        await Task.Delay(2_000);
        Assert.Equal(atPause, deliveries.Total);
        var view = await rig.GetAsync(id);
        Assert.Equal("paused", view.GetProperty("state").GetString());
        Assert.Equal((atPause, 0), (view.GetProperty("sent").GetInt64(), view.GetProperty("failed").GetInt64()));

        rig.WeChat.State.Faults.Clear();
        using var resumed = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/resume", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, resumed.StatusCode);
        view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(90));

        Assert.Empty(deliveries.Duplicates());
        Assert.All(rig.OpenIds, openId => Assert.Single(deliveries.For(openId)));
        Assert.Equal(2_000, view.GetProperty("sent").GetInt64());
    }

    [Fact]
    public async Task ResumedWhileTheJobWindsDownAfterAPause_TheChunkStartsAgainWithoutTheWatchdog()
    {
        // The job sees the pause within 10 ms but keeps its lease until the sends in flight are answered (5 s), so
        // the resume finds the chunk still leased. The watchdog, which would start it again, is 10 minutes away.
        var settings = BroadcastRig.OneChunk(500, batch: 100, backoff: TimeSpan.FromSeconds(1));
        settings["Broadcasts:StateCheckInterval"] = "00:00:00.010";
        settings["Broadcasts:WatchdogInterval"] = "00:10:00";
        await using var rig = await BroadcastRig.CreateAsync(store, 500, workers: 1, settings: settings);
        rig.WeChat.State.Faults.Set(ApiFamily.Template, new FaultProfile { Latency = TimeSpan.FromSeconds(5) });
        var id = await rig.StartAsync("template");
        await rig.WaitUntilChunkJobStartsAsync(id, 0, TimeSpan.FromSeconds(30));
        await Task.Delay(500);

        using (var paused = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/pause", null))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, paused.StatusCode);
        }

        await Task.Delay(500);
        using (var resumed = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/resume", null))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, resumed.StatusCode);
        }

        Assert.True(await rig.IsChunkLeasedAsync(id, 0), "the resume came while the job still held the chunk");
        // Sends after the first are quick. (Had the job missed the pause, it would simply go on and complete.)
        rig.WeChat.State.Faults.Clear();
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(40));

        Assert.All(rig.OpenIds, openId => Assert.Single(rig.WeChat.State.Deliveries.For(openId)));
        Assert.Equal(500, view.GetProperty("sent").GetInt64());
    }

    [Fact]
    public async Task WorkerStopsWhileFollowersWaitToRetry_TheirClaimsAreGivenBack_CustomMessagesSentOnce()
    {
        // A customer-service message has no idempotency key: a claim left behind would be failed "unconfirmed".
        // Batches of 100 (a custom batch is at most the sends in flight): the refused, about 30, are fewer.
        var settings = BroadcastRig.OneChunk(300, batch: 100, backoff: TimeSpan.FromMinutes(10), concurrency: 100);
        await using var rig = await BroadcastRig.CreateAsync(store, 300, workers: 0, settings: settings);
        await InteractedAnHourAgoAsync(rig);

        rig.WeChat.State.Faults.Set(ApiFamily.Custom, new FaultProfile { Http500Rate = 0.1 });
        var worker = rig.AddServer(workers: 1, settings);
        worker.CreateClient();
        var id = await rig.StartAsync("custom");
        var deliveries = rig.WeChat.State.Deliveries;
        long Refused() => rig.WeChat.State.Faults.Injected.GetValueOrDefault(FaultKind.Http500);
        await BroadcastRig.WaitUntilAsync(() => deliveries.Total + Refused() == 300, TimeSpan.FromSeconds(60), "every follower's first attempt");
        Assert.InRange(Refused(), 1, 99);

        // Stopping the worker cancels the job while the refused wait out their back-off.
        await worker.DisposeAsync();
        rig.WeChat.State.Faults.Clear();
        rig.AddServer(workers: 1, settings).CreateClient();
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(60));

        Assert.All(rig.OpenIds, openId => Assert.Single(deliveries.For(openId)));
        Assert.Equal((300, 0), (view.GetProperty("sent").GetInt64(), view.GetProperty("failed").GetInt64()));
    }

    [Fact]
    public async Task CustomMessages_NoMoreFollowersClaimedThanSendsInFlight()
    {
        var settings = BroadcastRig.OneChunk(200, batch: 1_000, backoff: TimeSpan.FromSeconds(1), concurrency: 4);
        await using var rig = await BroadcastRig.CreateAsync(store, 200, workers: 1, settings: settings);
        await InteractedAnHourAgoAsync(rig);
        rig.WeChat.State.Faults.Set(ApiFamily.Custom, new FaultProfile { Latency = TimeSpan.FromMilliseconds(20) });
        var id = await rig.StartAsync("custom");

        // A job that died would leave each of its claims failed "unconfirmed".
        var (mostClaimed, view) = await rig.WatchClaimsUntilCompletedAsync(id, TimeSpan.FromSeconds(30));
        Assert.InRange(mostClaimed, 1, 4);
        Assert.Equal(200, view.GetProperty("sent").GetInt64());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task UnknownOutcomes_StoppedWhileRetrying_RetriedOnlyWhileWeChatDeduplicates(bool resumedLate)
    {
        var window = resumedLate ? TimeSpan.FromSeconds(2) : TimeSpan.FromMinutes(1);
        await using var rig = await BroadcastRig.CreateAsync(store, 5, workers: 1, settings: new Dictionary<string, string?>
        {
            ["Broadcasts:RetryDelay"] = "00:00:01",
            ["Broadcasts:MaxRetryDelay"] = "00:00:01",
            ["Broadcasts:RetryUnknownWithin"] = window.ToString(),
        });
        // Each send reaches its follower, then the connection drops: the server cannot know it did.
        rig.WeChat.State.Faults.Set(ApiFamily.Template, new FaultProfile { DropAfterDeliveryRate = 1.0 });
        var id = await rig.StartAsync("template");
        var deliveries = rig.WeChat.State.Deliveries;
        await BroadcastRig.WaitUntilAsync(() => deliveries.Total == 5, TimeSpan.FromSeconds(30), "every follower's first attempt");

        // Their retries are refused: the broadcast pauses with every follower's outcome unknown.
        rig.WeChat.State.Faults.Set(ApiFamily.Template, new FaultProfile { ErrorRates = { [40037] = 1.0 } });
        var paused = await rig.WaitForStateAsync(id, "paused", TimeSpan.FromSeconds(30));
        Assert.Equal((0, 0), (paused.GetProperty("sent").GetInt64(), paused.GetProperty("failed").GetInt64()));
        rig.WeChat.State.Faults.Clear();
        if (resumedLate)
        {
            // WeChat has forgotten the client_msg_ids; the server's window has passed since the followers were claimed.
            rig.WeChat.State.Clock.Advance(TimeSpan.FromMinutes(11));
            await Task.Delay(window + TimeSpan.FromMilliseconds(500));
        }

        using var resumed = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/resume", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, resumed.StatusCode);
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));

        Assert.All(rig.OpenIds, openId => Assert.Single(deliveries.For(openId)));
        if (resumedLate)
        {
            Assert.Equal((0, 5), (view.GetProperty("sent").GetInt64(), view.GetProperty("failed").GetInt64()));
            Assert.Equal(5, view.GetProperty("failedByCode").GetProperty("unconfirmed").GetInt64());
        }
        else
        {
            Assert.Equal((5, 0), (view.GetProperty("sent").GetInt64(), view.GetProperty("failed").GetInt64()));
        }
    }

    [Fact]
    public async Task NoAnswerOnEveryAttempt_RetriedOnlyWhileWeChatDeduplicates_ThenFailedUnconfirmed()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 3, workers: 1, settings: new Dictionary<string, string?>
        {
            ["Broadcasts:RetryDelay"] = "00:00:00.500",
            ["Broadcasts:MaxRetryDelay"] = "00:00:00.500",
            ["Broadcasts:RetryUnknownWithin"] = "00:00:02",
        });
        rig.WeChat.State.Faults.Set(ApiFamily.Template, new FaultProfile { DropAfterDeliveryRate = 1.0 });
        var id = await rig.StartAsync("template");
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));

        // Fifteen attempts half a second apart would outlast the window: the retries stop there instead.
        Assert.All(rig.OpenIds, openId => Assert.Single(rig.WeChat.State.Deliveries.For(openId)));
        Assert.Equal((0, 3), (view.GetProperty("sent").GetInt64(), view.GetProperty("failed").GetInt64()));
        Assert.Equal(3, view.GetProperty("failedByCode").GetProperty("unconfirmed").GetInt64());
    }

    [Fact]
    public async Task QuotaPausedByAnInstanceThatDiedBeforeSchedulingTheResume_TheWatchdogResumesIt()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 40, workers: 0);
        var id = await rig.StartAsync("template");
        // What that instance left: the pause with its resume time, now passed, and no job to resume it.
        var ledger = rig.Server.Services.GetRequiredService<BroadcastLedger>();
        var paused = await ledger.TransitionAsync(id, "pause", "quota exhausted (45009)", DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.True(paused.Applied);

        rig.AddServer(workers: 1).CreateClient();
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));

        Assert.All(rig.OpenIds, openId => Assert.Single(rig.WeChat.State.Deliveries.For(openId)));
        Assert.Equal(40, view.GetProperty("sent").GetInt64());
    }

    /// <summary>Every follower sent a message an hour ago: inside the window for customer-service messages.</summary>
    private static async Task InteractedAnHourAgoAsync(BroadcastRig rig)
    {
        var subscribers = rig.Server.Services.GetRequiredService<SubscriberStore>();
        foreach (var openId in rig.OpenIds)
        {
            await subscribers.TouchAsync(openId, DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds());
            Assert.True(rig.WeChat.State.Followers.TryResolve(openId, out var index));
            rig.WeChat.State.Followers.Interact(index, Trigger.Message);
        }
    }
}
