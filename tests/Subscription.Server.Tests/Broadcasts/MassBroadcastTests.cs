using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Subscription.Server.Broadcasts;
using Subscription.Server.Subscribers;
using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Faults;
using EmulatorXml = Subscription.WeChatEmulator.Callbacks.CallbackXml;

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
        var settings = MassChunkSize(10);
        await using var rig = await BroadcastRig.CreateAsync(store, 25, workers: 0, settings: settings);
        var subscribers = rig.Server.Services.GetRequiredService<SubscriberStore>();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var away = rig.OpenIds.Skip(1).Take(5).ToList();
        foreach (var openId in away)
        {
            await subscribers.UnfollowAsync(openId, now - 60);
        }

        await subscribers.TouchAsync(rig.OpenIds[20], now - 60, pushEnabled: false);

        var id = await StartPlannedAsync(rig);
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
    public async Task MassOpenIds_SliceLeftWithOneFollower_GetsATemplateMessage_TheOptedOutAndTheLeftAreNotSent()
    {
        var (rig, id) = await SliceLeftWithOneAsync(MassChunkSize(3));
        await using var _ = rig;
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));

        var job = Assert.Single(rig.WeChat.State.Mass.All());
        Assert.Equal(2, job.TotalCount);
        Assert.Equal([0, 1, 1, 1, 0], rig.OpenIds.Select(rig.WeChat.State.Deliveries.CountFor));
        var lone = Assert.Single(rig.WeChat.State.Deliveries.For(rig.OpenIds[3]));
        Assert.Equal(Subscription.WeChatEmulator.Deliveries.DeliveryChannel.Template, lone.Channel);
        var ledger = rig.Server.Services.GetRequiredService<BroadcastLedger>();
        Assert.Equal($"s:{lone.MsgId}", await ledger.OutcomeAsync(id, rig.OpenIds[3]));
        Assert.Equal((4, 3, 1, 0), (view.GetProperty("audience").GetInt64(), view.GetProperty("sent").GetInt64(),
            view.GetProperty("skipped").GetInt64(), view.GetProperty("failed").GetInt64()));

        // WeChat's report on that template message reaches this mass broadcast's ledger too.
        var xml = EmulatorXml.TemplateSendJobFinish(TestAccount.OriginalId, rig.OpenIds[3], WeChatSender.Now, lone.MsgId, "failed:user block");
        using var response = await new WeChatSender(rig.Server.CreateClient()).PostAsync(xml);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("f:failed:user block", await ledger.OutcomeAsync(id, rig.OpenIds[3]));
        var reported = await rig.GetAsync(id);
        Assert.Equal((2, 1), (reported.GetProperty("sent").GetInt64(), reported.GetProperty("failed").GetInt64()));
    }

    [Fact]
    public async Task MassOpenIds_SliceLeftWithOneFollower_NoDigestTemplate_FailsThemWith40130()
    {
        var (rig, id) = await SliceLeftWithOneAsync(new(MassChunkSize(3)) { ["WeChat:DigestTemplateId"] = "" });
        await using var _ = rig;
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));

        Assert.Equal(2, Assert.Single(rig.WeChat.State.Mass.All()).TotalCount);
        await AssertLoneSettledAsync(rig, id, view, [0, 1, 1, 0, 0], "f:40130", (4, 2, 1, 1));
        Assert.Equal(1, view.GetProperty("failedByCode").GetProperty("40130").GetInt64());

        // Their resend would be the digest template, which this account lacks.
        using var resend = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/resend-failed", null);
        Assert.Equal(HttpStatusCode.BadRequest, resend.StatusCode);
        Assert.Contains("WeChat:DigestTemplateId", (await resend.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task MassOpenIds_LoneFollowersTemplateRefused_FailsThemWith40130_WithoutPausingTheBroadcast()
    {
        var (rig, id) = await SliceLeftWithOneAsync(MassChunkSize(3), new FaultProfile { ErrorRates = { [40037] = 1.0 } });
        await using var _ = rig;
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));

        await AssertLoneSettledAsync(rig, id, view, [0, 1, 1, 0, 0], "f:40130", (4, 2, 1, 1));
    }

    [Fact]
    public async Task MassOpenIds_LoneFollowersTemplateUnanswered_ThenRefused_FailsThemUnconfirmed()
    {
        var settings = new Dictionary<string, string?>(MassChunkSize(3)) { ["Broadcasts:RetryDelay"] = "00:00:01", ["Broadcasts:MaxRetryDelay"] = "00:00:01" };
        var (rig, id) = await SliceLeftWithOneAsync(settings, new FaultProfile { DropAfterDeliveryRate = 1.0 });
        await using var _ = rig;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (rig.WeChat.State.Deliveries.CountFor(rig.OpenIds[3]) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the lone follower's first template was sent");
            await Task.Delay(20);
        }

        // The template reached them, but the server had no answer; its retry is refused.
        rig.WeChat.State.Faults.Set(ApiFamily.Template, new FaultProfile { ErrorRates = { [40037] = 1.0 } });
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));

        await AssertLoneSettledAsync(rig, id, view, [0, 1, 1, 1, 0], "f:unconfirmed", (4, 2, 1, 1));
    }

    [Fact]
    public async Task MassOpenIds_LoneFollowerClaimedByAJobThatDiedLongAgo_NotSentAgain_FailedUnconfirmed()
    {
        var (rig, id) = await SliceLeftWithOneAsync(MassChunkSize(3), beforeWorkers: async (rig, id) =>
        {
            var keys = rig.Server.Services.GetRequiredService<BroadcastLedger>().Keys.Ledger(id);
            var longAgo = DateTimeOffset.UtcNow.AddMinutes(-30).ToUnixTimeMilliseconds();
            await (await rig.Server.ConnectStoreAsync()).HashSetAsync(keys.Outcomes, rig.OpenIds[3], $"p:dead@{longAgo}");
        });
        await using var _ = rig;
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));

        await AssertLoneSettledAsync(rig, id, view, [0, 1, 1, 0, 0], "f:unconfirmed", (4, 2, 1, 1));
    }

    [Fact]
    public async Task MassOpenIds_LoneFollowerWhoFailed_ResendFailed_SendsThemTheTemplate_Once()
    {
        var (rig, id) = await SliceLeftWithOneAsync(MassChunkSize(3), new FaultProfile { ErrorRates = { [40037] = 1.0 } });
        await using var _ = rig;
        await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));
        Assert.Equal([0, 1, 1, 0, 0], rig.OpenIds.Select(rig.WeChat.State.Deliveries.CountFor));
        rig.WeChat.State.Faults.Clear();

        using var resend = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/resend-failed", null);
        Assert.Equal(HttpStatusCode.Created, resend.StatusCode);
        var resendId = (await resend.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var view = await rig.WaitForStateAsync(resendId, "completed", TimeSpan.FromSeconds(30));

        Assert.Equal(("template", id), (view.GetProperty("channel").GetString(), view.GetProperty("source").GetString()));
        Assert.Equal((1, 1, 0), (view.GetProperty("audience").GetInt64(), view.GetProperty("sent").GetInt64(), view.GetProperty("failed").GetInt64()));
        Assert.Equal([0, 1, 1, 1, 0], rig.OpenIds.Select(rig.WeChat.State.Deliveries.CountFor));
        var lone = Assert.Single(rig.WeChat.State.Deliveries.For(rig.OpenIds[3]));
        Assert.Equal(Subscription.WeChatEmulator.Deliveries.DeliveryChannel.Template, lone.Channel);
        Assert.Single(rig.WeChat.State.Mass.All());

        using var again = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/resend-failed", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(resendId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("existingId").GetString());
    }

    [Fact]
    public async Task SliceSettledWithoutAMassSend_OnlyByTheLeaseHolder_Once()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 5, workers: 0, settings: MassChunkSize(3));
        var id = await StartPlannedAsync(rig);
        var ledger = rig.Server.Services.GetRequiredService<BroadcastLedger>();
        var lone = (rig.OpenIds[3], "f:40130");

        Assert.False(await ledger.SliceUnsendableAsync(id, 1, "not-the-holder", 1, -1, lone));
        Assert.False((await ledger.ChunkAsync(id, 1)).Unsendable);
        Assert.Null(await ledger.OutcomeAsync(id, rig.OpenIds[3]));

        Assert.True(await ledger.LeaseAsync(id, 1, "holder"));
        Assert.True(await ledger.SliceUnsendableAsync(id, 1, "holder", 1, -1, lone));
        Assert.True(await ledger.SliceUnsendableAsync(id, 1, "holder", 1, -1, lone));
        Assert.True((await ledger.ChunkAsync(id, 1)).Unsendable);
        Assert.Equal("f:40130", await ledger.OutcomeAsync(id, rig.OpenIds[3]));
        var view = await rig.GetAsync(id);
        Assert.Equal((4, 1, 1), (view.GetProperty("audience").GetInt64(), view.GetProperty("skipped").GetInt64(), view.GetProperty("failed").GetInt64()));
    }

    /// <summary>Who got a message, the lone follower's outcome, and the broadcast's audience, sent, skipped and failed.</summary>
    private static async Task AssertLoneSettledAsync(
        BroadcastRig rig, string id, JsonElement view, int[] deliveries, string lone, (long, long, long, long) counts)
    {
        Assert.Equal(deliveries, rig.OpenIds.Select(rig.WeChat.State.Deliveries.CountFor));
        Assert.Equal(lone, await rig.Server.Services.GetRequiredService<BroadcastLedger>().OutcomeAsync(id, rig.OpenIds[3]));
        Assert.Equal(counts, (view.GetProperty("audience").GetInt64(), view.GetProperty("sent").GetInt64(),
            view.GetProperty("skipped").GetInt64(), view.GetProperty("failed").GetInt64()));
    }

    /// <summary>
    /// Five followers in slices of three, the first declining pushes; once planned, one of the second slice's two
    /// leaves. Then a worker starts, with WeChat's template API failing as given.
    /// </summary>
    private async Task<(BroadcastRig Rig, string Id)> SliceLeftWithOneAsync(
        Dictionary<string, string?> settings, FaultProfile? templateFaults = null, Func<BroadcastRig, string, Task>? beforeWorkers = null)
    {
        var rig = await BroadcastRig.CreateAsync(store, 5, workers: 0, settings: settings);
        try
        {
            var subscribers = rig.Server.Services.GetRequiredService<SubscriberStore>();
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            await subscribers.TouchAsync(rig.OpenIds[0], now - 60, pushEnabled: false);

            var id = await StartPlannedAsync(rig);
            Assert.Equal(2, (await rig.Server.Services.GetRequiredService<BroadcastLedger>().PlanPositionAsync(id)).Chunks);
            await subscribers.UnfollowAsync(rig.OpenIds[4], now - 30);
            if (templateFaults is not null)
            {
                rig.WeChat.State.Faults.Set(ApiFamily.Template, templateFaults);
            }

            if (beforeWorkers is not null)
            {
                await beforeWorkers(rig, id);
            }

            rig.AddServer(workers: 1, settings).CreateClient();
            return (rig, id);
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
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

    private static Dictionary<string, string?> MassChunkSize(int size) =>
        new() { ["Broadcasts:MassChunkSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>Starts a mass-openids broadcast and plans it at once, on an instance with no workers: nothing is sent yet.</summary>
    private static async Task<string> StartPlannedAsync(BroadcastRig rig)
    {
        var id = await rig.StartAsync("mass-openids");
        await rig.Server.Services.GetRequiredService<BroadcastPlanner>().PlanAsync(id, CancellationToken.None);
        return id;
    }
}
