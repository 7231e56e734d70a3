using Microsoft.Extensions.DependencyInjection;
using Subscription.Server.Broadcasts;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Broadcasts;

/// <summary>
/// Appending audience pages to a plan: each page once, whatever repeats it (a retried planner, a second one), and a
/// chunk closed when it is full.
/// </summary>
[Trait("Category", "Storage")]
public sealed class PlanAppendTests(StoreFixture store)
{
    [Fact]
    public async Task APageAppliedOnce_ARepeatFromTheSamePositionIsRefused()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 5, workers: 0);
        var (ledger, id) = await PlanningAsync(rig);
        var db = await rig.Server.ConnectStoreAsync();
        var keys = ledger.Keys.Ledger(id);
        var at = await ledger.PlanPositionAsync(id);

        Assert.Equal(0, await ledger.AppendAsync(id, at, "2", 3, rig.OpenIds.Take(2).ToList(), dedupe: false));
        Assert.Equal(-1, await ledger.AppendAsync(id, at, "2", 3, rig.OpenIds.Take(2).ToList(), dedupe: false));

        Assert.Equal(rig.OpenIds.Take(2), (await db.ListRangeAsync(keys.Chunk(0))).Select(v => v.ToString()));
        var now = await ledger.PlanPositionAsync(id);
        Assert.Equal(("2", 0, 2), (now.Cursor, now.OpenChunk, now.OpenCount));
        Assert.Equal(2L, (long)await db.HashGetAsync(keys.Meta, "audience"));
    }

    [Fact]
    public async Task AFullChunkCloses_WithTheSliceOfTheAudienceItCameFrom()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 5, workers: 0);
        var (ledger, id) = await PlanningAsync(rig);
        var db = await rig.Server.ConnectStoreAsync();
        var keys = ledger.Keys.Ledger(id);

        var first = await ledger.PlanPositionAsync(id);
        Assert.Equal(0, await ledger.AppendAsync(id, first, "2", 3, rig.OpenIds.Take(2).ToList(), dedupe: false));
        var second = await ledger.PlanPositionAsync(id);
        Assert.Equal(1, await ledger.AppendAsync(id, second, "3", 3, rig.OpenIds.Skip(2).Take(1).ToList(), dedupe: false));
        // A planner that read its position before the chunk closed is told the chunk moved on.
        var stale = second with { Cursor = "3" };
        Assert.Equal(-2, await ledger.AppendAsync(id, stale, "5", 3, rig.OpenIds.Skip(3).ToList(), dedupe: false));

        var third = await ledger.PlanPositionAsync(id);
        Assert.Equal(("3", 1, 0, 1), (third.Cursor, third.OpenChunk, third.OpenCount, third.Chunks));
        Assert.Equal(3, await db.ListLengthAsync(keys.Chunk(0)));
        Assert.False(await db.KeyExistsAsync(keys.Chunk(1)));
        Assert.Equal("0", (string?)await db.HashGetAsync(keys.Chunks, "0:from"));
        Assert.Equal("3", (string?)await db.HashGetAsync(keys.Chunks, "0:to"));
    }

    private static async Task<(BroadcastLedger, string)> PlanningAsync(BroadcastRig rig)
    {
        var ledger = rig.Server.Services.GetRequiredService<BroadcastLedger>();
        var (id, _) = await ledger.CreateAsync(new BroadcastDefinition(BroadcastRig.Issue, BroadcastChannel.MassOpenIds, null, null), null);
        await ledger.TransitionAsync(id, "start");
        return (ledger, id);
    }
}
