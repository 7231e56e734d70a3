using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Subscription.Server.Broadcasts;
using Subscription.Server.Subscribers;
using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Faults;

namespace Subscription.Server.Tests.Broadcasts;

/// <summary>mass-openids: chunks of ≤ 10,000, a clientmsgid per chunk, a repeated chunk answered 45065 and counted as sent.</summary>
[Trait("Category", "Storage")]
public sealed class MassBroadcastTests(StoreFixture store)
{
    [Fact]
    public async Task MassOpenIds_25001Followers_ThreeCallsDistinctClientMsgIds_RepeatedChunkCountedAsSent()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 25_001, workers: 0);
        var server = rig.AddServer(workers: 1, new Dictionary<string, string?> { ["Broadcasts:RetryTooFastDelay"] = "00:00:01" });
        var wechat = rig.WeChat.State;
        // The first mass call is accepted but its answer never comes: the worker must ask again.
        wechat.Faults.Set(ApiFamily.Mass, new FaultProfile { TimeoutAfterDeliveryRate = 1, HangFor = TimeSpan.FromSeconds(3) });
        server.CreateClient();

        var id = await rig.StartAsync("mass-openids");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (wechat.Mass.All().Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the first mass call reaches WeChat");
            await Task.Delay(20);
        }

        wechat.Faults.Clear();
        // WeChat answers a clientmsgid retried within a minute with 45066; a minute on, with 45065 and the job.
        wechat.Clock.Advance(TimeSpan.FromSeconds(61));
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(60));

        var jobs = wechat.Mass.All();
        Assert.Equal(3, jobs.Count);
        Assert.Equal(3, jobs.Select(j => j.ClientMsgId).Distinct().Count());
        Assert.All(jobs, j => Assert.StartsWith(id + "-", j.ClientMsgId));
        Assert.All(jobs, j => Assert.True(System.Text.Encoding.UTF8.GetByteCount(j.ClientMsgId!) <= 64));
        Assert.Equal([10_000, 10_000, 5_001], jobs.OrderBy(j => j.MsgId).Select(j => j.TotalCount));
        Assert.Empty(wechat.Deliveries.Duplicates());
        Assert.All(rig.OpenIds, openId => Assert.Single(wechat.Deliveries.For(openId)));

        Assert.Equal(25_001, view.GetProperty("audience").GetInt64());
        Assert.Equal(25_001, view.GetProperty("sent").GetInt64());
        var ledger = server.Services.GetRequiredService<BroadcastLedger>();
        var repeated = await Task.WhenAll(Enumerable.Range(0, 3).Select(c => ledger.GetChunkFieldAsync(id, c, "dup")));
        Assert.Equal(1, repeated.Count(d => d == "1"));
    }

    [Fact]
    public async Task MassOpenIds_LastChunkOfOne_BorrowsAMember_EveryCallHasTwoOrMore()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 21, workers: 0);
        rig.AddServer(workers: 1, new Dictionary<string, string?> { ["Broadcasts:MassChunkSize"] = "10" }).CreateClient();

        var id = await rig.StartAsync("mass-openids");
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));

        Assert.Equal([10, 9, 2], rig.WeChat.State.Mass.All().OrderBy(j => j.MsgId).Select(j => j.TotalCount));
        Assert.All(rig.OpenIds, openId => Assert.Single(rig.WeChat.State.Deliveries.For(openId)));
        Assert.Equal(21, view.GetProperty("sent").GetInt64());
    }

    [Fact]
    public async Task MassOpenIds_FollowersBackInsideAPlannedSlice_TheRestGoesAsAnotherCall_EveryoneOnce()
    {
        var settings = BroadcastRig.MassChunkSize(10);
        await using var rig = await BroadcastRig.CreateAsync(store, 25, workers: 0, settings: settings);
        var subscribers = rig.Server.Services.GetRequiredService<SubscriberStore>();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var away = rig.OpenIds.Skip(1).Take(5).ToList();
        foreach (var openId in away)
        {
            await subscribers.UnfollowAsync(openId, now - 60);
        }

        await subscribers.TouchAsync(rig.OpenIds[20], now - 60, pushEnabled: false);

        var id = await rig.StartPlannedMassAsync();
        var planned = await rig.Server.Services.GetRequiredService<BroadcastLedger>().PlanPositionAsync(id);
        Assert.Equal((true, 2), (planned.Planned, planned.Chunks));

        // Back after planning, in their old places: the first slice now holds 15, more than a call of 10 takes. The
        // second holds one who declines pushes.
        foreach (var openId in away)
        {
            await subscribers.FollowAsync(openId, now - 30, null);
        }

        rig.AddServer(workers: 1, settings).CreateClient();
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));

        var jobs = rig.WeChat.State.Mass.All();
        Assert.Equal([10, 9, 5], jobs.Select(j => j.TotalCount).OrderDescending());
        Assert.Equal(3, jobs.Select(j => j.ClientMsgId).Distinct().Count());
        Assert.Empty(rig.WeChat.State.Deliveries.For(rig.OpenIds[20]));
        Assert.All(rig.OpenIds.Where(o => o != rig.OpenIds[20]), openId => Assert.Single(rig.WeChat.State.Deliveries.For(openId)));
        Assert.Equal((24, 24), (view.GetProperty("sent").GetInt64(), view.GetProperty("audience").GetInt64()));
    }

    [Fact]
    public async Task SliceFixedAtTheFirstAttempt_ARetryGetsTheSameList_UntilItIsForgotten()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 6, workers: 0);
        var subscribers = rig.Server.Services.GetRequiredService<SubscriberStore>();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var keep = TimeSpan.FromMinutes(1);
        var everyone = new Subscription.Server.Subscribers.AudienceRange(0, long.MaxValue);
        await subscribers.UnfollowAsync(rig.OpenIds[1], now - 60);

        var first = await subscribers.FixSliceAsync("b1", 0, everyone, 4, keep);
        Assert.Equal([rig.OpenIds[0], rig.OpenIds[2], rig.OpenIds[3], rig.OpenIds[4]], first.OpenIds);
        Assert.Equal(4, first.Members);
        Assert.NotNull(first.RestAfter);

        // One comes back inside the slice and another leaves: a retry (WeChat may have taken the first) still gets the first list.
        await subscribers.FollowAsync(rig.OpenIds[1], now - 30, null);
        await subscribers.UnfollowAsync(rig.OpenIds[2], now - 30);
        var again = await subscribers.FixSliceAsync("b1", 0, everyone, 4, keep);
        Assert.Equal(first.OpenIds, again.OpenIds);
        Assert.Equal(first.RestAfter, again.RestAfter);

        await subscribers.ForgetSliceAsync("b1", 0);
        var fresh = await subscribers.FixSliceAsync("b1", 0, everyone, 4, keep);
        Assert.Equal([rig.OpenIds[0], rig.OpenIds[1], rig.OpenIds[3], rig.OpenIds[4]], fresh.OpenIds);
    }

    [Fact]
    public async Task MassAll_WithCover_SendsTheIssueAsADraftArticle()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 12, workers: 0);
        var cover = rig.WeChat.State.Media.AddMaterial("image", 20_000, "cover.png").MediaId;
        rig.AddServer(workers: 1, new Dictionary<string, string?> { ["Broadcasts:CoverMediaId"] = cover }).CreateClient();

        var id = await rig.StartAsync("mass-all");
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));

        var job = Assert.Single(rig.WeChat.State.Mass.All());
        Assert.Equal("mpnews", job.MsgType);
        Assert.Equal("all", job.Audience);
        Assert.Equal(id + "-0", job.ClientMsgId);
        Assert.Equal(12, view.GetProperty("sent").GetInt64());
        Assert.All(rig.OpenIds, openId => Assert.Single(rig.WeChat.State.Deliveries.For(openId)));

        // WeChat reports a sendall's failures only as a count: there is no one to resend to.
        using var resend = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/resend-failed", null);
        Assert.Equal(HttpStatusCode.BadRequest, resend.StatusCode);
    }
}
