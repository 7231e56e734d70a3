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

/// <summary>
/// mass-openids: a slice left with one follower, whom mass/send refuses (40130), reaches them with the digest
/// template, claimed like a template follower; failing that they are failed, and resend-failed reaches them.
/// </summary>
[Trait("Category", "Storage")]
public sealed class LoneFollowerTests(StoreFixture store)
{
    [Fact]
    public async Task MassOpenIds_SliceLeftWithOneFollower_GetsATemplateMessage_TheOptedOutAndTheLeftAreNotSent()
    {
        var (rig, id) = await SliceLeftWithOneAsync(BroadcastRig.MassChunkSize(3));
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
        var (rig, id) = await SliceLeftWithOneAsync(new(BroadcastRig.MassChunkSize(3)) { ["WeChat:DigestTemplateId"] = "" });
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
        var (rig, id) = await SliceLeftWithOneAsync(BroadcastRig.MassChunkSize(3), new FaultProfile { ErrorRates = { [40037] = 1.0 } });
        await using var _ = rig;
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));

        await AssertLoneSettledAsync(rig, id, view, [0, 1, 1, 0, 0], "f:40130", (4, 2, 1, 1));
    }

    [Fact]
    public async Task MassOpenIds_LoneFollowersTemplateUnanswered_ThenRefused_FailsThemUnconfirmed()
    {
        var settings = new Dictionary<string, string?>(BroadcastRig.MassChunkSize(3)) { ["Broadcasts:RetryDelay"] = "00:00:01", ["Broadcasts:MaxRetryDelay"] = "00:00:01" };
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
        var (rig, id) = await SliceLeftWithOneAsync(BroadcastRig.MassChunkSize(3), beforeWorkers: async (rig, id) =>
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
        var (rig, id) = await SliceLeftWithOneAsync(BroadcastRig.MassChunkSize(3), new FaultProfile { ErrorRates = { [40037] = 1.0 } });
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
        await using var rig = await BroadcastRig.CreateAsync(store, 5, workers: 0, settings: BroadcastRig.MassChunkSize(3));
        var id = await rig.StartPlannedMassAsync();
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

            var id = await rig.StartPlannedMassAsync();
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
}
