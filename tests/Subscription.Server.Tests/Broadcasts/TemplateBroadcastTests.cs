using Microsoft.Extensions.DependencyInjection;
using Subscription.Server.Broadcasts;
using Subscription.Server.Subscribers;
using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Deliveries;
using Subscription.WeChatEmulator.Faults;

namespace Subscription.Server.Tests.Broadcasts;

/// <summary>The template channel against an unreliable WeChat: every active, opted-in follower gets the issue exactly once.</summary>
[Trait("Category", "Storage")]
public sealed class TemplateBroadcastTests(StoreFixture store)
{
    [Fact]
    public async Task TenThousandFollowers_FaultyWeChat_EachActiveOptedInFollowerExactlyOnce()
    {
        // The first instance plans but runs no jobs, so followers can leave between the snapshot and the sends.
        await using var rig = await BroadcastRig.CreateAsync(store, 10_000, workers: 0);
        var subscribers = rig.Server.Services.GetRequiredService<SubscriberStore>();
        var gone = rig.OpenIds.Where((_, i) => i % 100 == 7).ToHashSet();
        var goneLater = rig.OpenIds.Where((_, i) => i % 200 == 8).ToHashSet();
        var quiet = rig.OpenIds.Where((_, i) => i % 100 == 42).ToHashSet();
        var quietLater = rig.OpenIds.Where((_, i) => i % 200 == 43).ToHashSet();
        await LeaveAsync(rig, subscribers, gone, quiet);

        var id = await rig.StartAsync("template");
        await rig.Server.Services.GetRequiredService<BroadcastPlanner>().PlanAsync(id, CancellationToken.None);
        await LeaveAsync(rig, subscribers, goneLater, quietLater);

        rig.InjectFaults(new FaultProfile
        {
            ErrorRates = { [-1] = 0.05, [45009] = 0.02 },
            Http500Rate = 0.05,
            TimeoutRate = 0.025,
            TimeoutAfterDeliveryRate = 0.025,
            HangFor = TimeSpan.FromSeconds(3),
        });
        rig.AddServer(workers: 2).CreateClient();
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromMinutes(4));

        var injected = rig.WeChat.State.Faults.Injected;
        Assert.True(injected.GetValueOrDefault(FaultKind.TimeoutAfterDelivery) > 100, "time-outs after delivery were injected");
        Assert.True(injected.GetValueOrDefault(FaultKind.Errcode) > 400, "errcodes were injected");
        var deliveries = rig.WeChat.State.Deliveries;
        Assert.Empty(deliveries.Duplicates());
        var wanted = rig.OpenIds.Where(o => !gone.Contains(o) && !goneLater.Contains(o) && !quiet.Contains(o) && !quietLater.Contains(o)).ToList();
        Assert.All(wanted, openId => Assert.Equal(DeliveryChannel.Template, Assert.Single(deliveries.For(openId)).Channel));
        Assert.All(gone.Concat(goneLater).Concat(quiet).Concat(quietLater), openId => Assert.Empty(deliveries.For(openId)));

        Assert.Equal(10_000 - gone.Count - quiet.Count, view.GetProperty("audience").GetInt64());
        Assert.Equal(deliveries.Total, view.GetProperty("sent").GetInt64());
        Assert.Equal(wanted.Count, view.GetProperty("sent").GetInt64());
        Assert.Equal(goneLater.Count + quietLater.Count, view.GetProperty("skipped").GetInt64());
        Assert.Equal(goneLater.Count, view.GetProperty("skippedByReason").GetProperty("unsubscribed").GetInt64());
        Assert.Equal(quietLater.Count, view.GetProperty("skippedByReason").GetProperty("opted-out").GetInt64());
        Assert.Equal(0, view.GetProperty("failed").GetInt64());
    }

    [Fact]
    public async Task FollowersWaitingOutABackOff_KeepNoOneElseWaiting_PauseGivesThemBack()
    {
        // Batches of 200: a refused follower who held their batch would hold everyone after them. About 100 are
        // refused, fewer than a batch: the job goes on.
        await using var rig = await RefusingAsync(batch: 200, rate: 0.05);
        var id = await rig.StartAsync("template");
        var deliveries = rig.WeChat.State.Deliveries;
        long Refused() => RefusedSends(rig);
        await BroadcastRig.WaitUntilAsync(() => deliveries.Total + Refused() == 2_000, TimeSpan.FromSeconds(60), "every follower's first attempt");

        Assert.InRange(Refused(), 1, 199);
        Assert.Equal("running", (await rig.GetAsync(id)).GetProperty("state").GetString());

        // The refused wait inside the job: a pause ends it at once and gives their claims back.
        using var paused = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/pause", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, paused.StatusCode);
        await rig.WaitUntilChunkJobEndsAsync(id, 0, TimeSpan.FromSeconds(5));

        Assert.Equal(deliveries.Total, (await rig.GetAsync(id)).GetProperty("sent").GetInt64());
        rig.WeChat.State.Faults.Clear();
        using var resumed = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/resume", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, resumed.StatusCode);
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(60));
        Assert.Empty(deliveries.Duplicates());
        Assert.All(rig.OpenIds, openId => Assert.Single(deliveries.For(openId)));
        Assert.Equal((2_000, 0), (view.GetProperty("sent").GetInt64(), view.GetProperty("failed").GetInt64()));
    }

    [Fact]
    public async Task WeChatRefusingEveryCall_NoOneNewIsTriedWhileABatchWaits()
    {
        await using var rig = await RefusingAsync(batch: 100, rate: 1.0);
        var id = await rig.StartAsync("template");
        long Refused() => RefusedSends(rig);
        await BroadcastRig.WaitUntilAsync(() => Refused() >= 100, TimeSpan.FromSeconds(30), "the first batch is tried");

        await Task.Delay(2_000);
        Assert.Equal(100, Refused());
        var view = await rig.GetAsync(id);
        Assert.Equal(("running", 0), (view.GetProperty("state").GetString(), view.GetProperty("failed").GetInt64()));
        Assert.Equal(0, rig.WeChat.State.Deliveries.Total);
    }

    [Fact]
    public async Task UnderASendRate_ABatchIsASecondsWorth()
    {
        // A follower due to retry waits for the next batch: at 20 sends a second, a batch of 1,000 would be 50 s.
        var settings = new Dictionary<string, string?>(BroadcastRig.OneChunk(100, batch: 1_000, backoff: TimeSpan.FromSeconds(1), concurrency: 4))
        {
            ["Broadcasts:SendsPerSecond"] = "20",
        };
        await using var rig = await BroadcastRig.CreateAsync(store, 100, workers: 1, settings: settings);
        var id = await rig.StartAsync("template");

        var (mostClaimed, view) = await rig.WatchClaimsUntilCompletedAsync(id, TimeSpan.FromSeconds(60));
        Assert.InRange(mostClaimed, 1, 20);
        Assert.Equal(100, view.GetProperty("sent").GetInt64());
        Assert.Empty(rig.WeChat.State.Deliveries.Duplicates());
    }

    /// <summary>2,000 followers in one chunk job, template sends refused with −1 at <paramref name="rate"/>, a 10-minute back-off.</summary>
    private async Task<BroadcastRig> RefusingAsync(int batch, double rate)
    {
        var rig = await BroadcastRig.CreateAsync(
            store, 2_000, workers: 1, settings: BroadcastRig.OneChunk(2_000, batch, backoff: TimeSpan.FromMinutes(10)));
        rig.WeChat.State.Faults.Set(ApiFamily.Template, new FaultProfile { ErrorRates = { [-1] = rate } });
        return rig;
    }

    private static long RefusedSends(BroadcastRig rig) => rig.WeChat.State.Faults.Injected.GetValueOrDefault(FaultKind.Errcode);

    private static async Task LeaveAsync(BroadcastRig rig, SubscriberStore subscribers, IEnumerable<string> unfollow, IEnumerable<string> optOut)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        foreach (var openId in unfollow)
        {
            await subscribers.UnfollowAsync(openId, now);
            Assert.True(rig.WeChat.State.Followers.TryResolve(openId, out var index));
            rig.WeChat.State.Followers.Unfollow(index);
        }

        foreach (var openId in optOut)
        {
            await subscribers.TouchAsync(openId, now, pushEnabled: false);
        }
    }
}
