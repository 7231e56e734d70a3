using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Subscription.Server.Broadcasts;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Broadcasts;

/// <summary>
/// The open set (what the watchdog keeps going) lives in another slot than each ledger, so a broadcast leaves it
/// after the step that made it final: on completion, on cancel, and, if a crash came between, at the next watchdog round.
/// </summary>
[Trait("Category", "Storage")]
public sealed class OpenBroadcastsTests(StoreFixture store)
{
    [Fact]
    public async Task CancelledBeforeItsTime_LeavesTheOpenSet()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 3, workers: 0);
        var ledger = rig.Server.Services.GetRequiredService<BroadcastLedger>();
        using var created = await rig.Admin.PostAsJsonAsync("/admin/api/broadcasts",
            new { issue = BroadcastRig.Issue, channel = "template", at = DateTimeOffset.UtcNow.AddDays(1) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Contains(id, await ledger.OpenAsync());

        using var cancelled = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await rig.GetAsync(id)).GetProperty("state").GetString());
        await rig.WaitUntilClosedAsync(id);
    }

    [Fact]
    public async Task PausedWhenItsPlanFinished_ResumeCompletesAndClosesIt()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 3, workers: 0);
        var ledger = rig.Server.Services.GetRequiredService<BroadcastLedger>();
        var (id, _) = await ledger.CreateAsync(new BroadcastDefinition(BroadcastRig.Issue, BroadcastChannel.Template, null, null), null);
        await ledger.TransitionAsync(id, "start");
        await ledger.TransitionAsync(id, "pause", "staff");
        // Nothing to send, but paused: finishing the plan cannot complete it.
        Assert.Equal(0, await ledger.FinishPlanAsync(id, await ledger.PlanPositionAsync(id), 1));
        Assert.Equal("paused", (await rig.GetAsync(id)).GetProperty("state").GetString());

        using var resumed = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/resume", null);

        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal("completed", (await rig.GetAsync(id)).GetProperty("state").GetString());
        await rig.WaitUntilClosedAsync(id);
    }

    [Fact]
    public async Task Completed_LeavesTheOpenSet_AndIfACrashLeftItThere_TheWatchdogTakesItOut()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 30, workers: 1);
        var ledger = rig.Server.Services.GetRequiredService<BroadcastLedger>();
        var id = await rig.CompleteAsync("template");
        var db = await rig.Server.ConnectStoreAsync();

        // As if the instance died between completing the broadcast and closing it.
        await db.SetAddAsync(ledger.Keys.Open, id);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await ledger.OpenAsync()).Contains(id))
        {
            Assert.True(DateTime.UtcNow < deadline, "the watchdog takes a completed broadcast out of the open set");
            await Task.Delay(100);
        }

        Assert.Equal("completed", (await rig.GetAsync(id)).GetProperty("state").GetString());
    }
}
