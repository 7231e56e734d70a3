using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Subscription.Server.Broadcasts;
using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChatEmulator.Faults;

namespace Subscription.Server.Tests.Broadcasts;

/// <summary>
/// A final broadcast keeps what staff read (its state and counts) for good, its follower outcomes for
/// Broadcasts:KeepFollowerResults, and its plan (the chunk lists) not at all.
/// </summary>
[Trait("Category", "Storage")]
public sealed class BroadcastRetentionTests(StoreFixture store)
{
    [Fact]
    public async Task Completed_PlanDeleted_OutcomesExpire_CountsStay()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 30, workers: 1, settings: new Dictionary<string, string?> { ["Broadcasts:ChunkSize"] = "10" });
        var ledger = rig.Server.Services.GetRequiredService<BroadcastLedger>();
        var id = await rig.CompleteAsync("template");
        var view = await rig.GetAsync(id);
        var db = await rig.Server.ConnectStoreAsync();
        var keys = ledger.Keys.Ledger(id);

        Assert.Equal(3, view.GetProperty("chunks").GetInt32());
        for (var chunk = 0; chunk < 3; chunk++)
        {
            Assert.False(await db.KeyExistsAsync(keys.Chunk(chunk)), $"chunk list {chunk} is deleted");
        }

        var ttl = await db.KeyTimeToLiveAsync(keys.Outcomes);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromDays(89), TimeSpan.FromDays(90));
        Assert.Equal(30, await db.HashLengthAsync(keys.Outcomes));
        Assert.Null(await db.KeyTimeToLiveAsync(keys.Meta));
        Assert.Null(await db.KeyTimeToLiveAsync(keys.Counts));
        Assert.Equal(30, (await rig.GetAsync(id)).GetProperty("sent").GetInt64());
    }

    [Fact]
    public async Task EndedBeforeClosingExisted_AnInstanceStartingUpClosesIt()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 20, workers: 1);
        var ledger = rig.Server.Services.GetRequiredService<BroadcastLedger>();
        var id = await rig.CompleteAsync("template");
        var db = await rig.Server.ConnectStoreAsync();
        var keys = ledger.Keys.Ledger(id);
        // As an older version left it: no close mark, a chunk list, outcomes kept for good.
        await db.HashDeleteAsync(keys.Meta, "closed");
        await db.ListRightPushAsync(keys.Chunk(0), rig.OpenIds[0]);
        await db.KeyPersistAsync(keys.Outcomes);

        rig.AddServer(workers: 1).CreateClient();

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await db.HashGetAsync(keys.Meta, "closed") != "1")
        {
            Assert.True(DateTime.UtcNow < deadline, "the new instance's watchdog closes the broadcast");
            await Task.Delay(100);
        }

        Assert.False(await db.KeyExistsAsync(keys.Chunk(0)));
        Assert.NotNull(await db.KeyTimeToLiveAsync(keys.Outcomes));
    }

    [Fact]
    public async Task CancelledWhilePlanned_ItsPlanIsDeleted_AndPlanningCannotAddTo()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 3, workers: 0);
        var ledger = rig.Server.Services.GetRequiredService<BroadcastLedger>();
        var (id, _) = await ledger.CreateAsync(new BroadcastDefinition(BroadcastRig.Issue, BroadcastChannel.Template, null, null), null);
        await ledger.TransitionAsync(id, "start");
        var at = await ledger.PlanPositionAsync(id);
        Assert.Equal(0, await ledger.AppendAsync(id, at, "2", 500, rig.OpenIds.Take(2).ToList(), dedupe: false));
        var db = await rig.Server.ConnectStoreAsync();
        var chunk = ledger.Keys.Ledger(id).Chunk(0);
        Assert.Equal(2, await db.ListLengthAsync(chunk));

        using var cancelled = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await rig.WaitUntilClosedAsync(id);

        Assert.False(await db.KeyExistsAsync(chunk), "the chunk being filled is deleted");
        var next = await ledger.PlanPositionAsync(id);
        Assert.Equal(BroadcastLedger.Final, await ledger.AppendAsync(id, next, "3", 500, rig.OpenIds.Skip(2).ToList(), dedupe: false));
        Assert.Equal(BroadcastLedger.Final, await ledger.FinishPlanAsync(id, next, 1));
        Assert.False(await db.KeyExistsAsync(chunk), "a planner still running after the cancel adds nothing");
        Assert.Equal("cancelled", (await rig.GetAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task ResendFailed_OnceOutcomesAreGone_410AndNothingCreated()
    {
        await using var rig = await FailingSomeAsync(keepResults: "00:00:01");
        var ledger = rig.Server.Services.GetRequiredService<BroadcastLedger>();
        var id = await rig.StartAsync("template");
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));
        Assert.True(view.GetProperty("failed").GetInt64() > 0, "some followers failed");
        await WaitUntilOutcomesGoneAsync(ledger, id);

        var before = (await ledger.RecentAsync(50)).Count;
        using var resend = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/resend-failed", null);

        Assert.Equal(HttpStatusCode.Gone, resend.StatusCode);
        var body = await resend.Content.ReadAsStringAsync();
        Assert.Contains("Broadcasts:KeepFollowerResults", body, StringComparison.Ordinal);
        Assert.Contains("00:00:01", body, StringComparison.Ordinal);
        Assert.Equal(before, (await ledger.RecentAsync(50)).Count);
        Assert.Equal(view.GetProperty("failed").GetInt64(), (await rig.GetAsync(id)).GetProperty("failed").GetInt64());
    }

    [Fact]
    public async Task ResendFailed_AgainAfterOutcomesAreGone_StillNamesTheResend()
    {
        await using var rig = await FailingSomeAsync(keepResults: "00:00:05");
        var ledger = rig.Server.Services.GetRequiredService<BroadcastLedger>();
        var id = await rig.StartAsync("template");
        await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));
        using var first = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/resend-failed", null);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var resendId = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        await rig.WaitForStateAsync(resendId!, "completed", TimeSpan.FromSeconds(30));
        await WaitUntilOutcomesGoneAsync(ledger, id);

        using var again = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/resend-failed", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(resendId, JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("existingId").GetString());
    }

    /// <summary>100 followers, 30 % of template sends refused with 48002, results kept for <paramref name="keepResults"/>.</summary>
    private async Task<BroadcastRig> FailingSomeAsync(string keepResults)
    {
        var rig = await BroadcastRig.CreateAsync(store, 100, new WeChatEmulator.Hosting.EmulatorOptions { RandomSeed = 11 }, workers: 1,
            settings: new Dictionary<string, string?> { ["Broadcasts:KeepFollowerResults"] = keepResults });
        rig.InjectFaults(new FaultProfile { ErrorRates = { [48002] = 0.3 } });
        return rig;
    }

    private static async Task WaitUntilOutcomesGoneAsync(BroadcastLedger ledger, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await ledger.HasOutcomesAsync(id))
        {
            Assert.True(DateTime.UtcNow < deadline, "the outcomes expire after Broadcasts:KeepFollowerResults");
            await Task.Delay(100);
        }
    }
}
