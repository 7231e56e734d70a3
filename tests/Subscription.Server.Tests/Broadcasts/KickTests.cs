using Microsoft.Extensions.DependencyInjection;
using Subscription.Server.Broadcasts;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Broadcasts;

/// <summary>Which chunks the watchdog's kick starts while a broadcast is still being planned.</summary>
[Trait("Category", "Storage")]
public sealed class KickTests(StoreFixture store)
{
    [Fact]
    public async Task MassPlanUnfinished_TheNewestChunkWaitsForThePlanner()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 8, workers: 0);
        var (ledger, id) = await TwoChunksPlannedAsync(rig, BroadcastChannel.MassOpenIds);

        await rig.Server.Services.GetRequiredService<BroadcastScheduler>().KickAsync(id);

        // The last chunk may still take a member of chunk 1; sending chunk 1 now could reach that member twice.
        var fields = await ledger.ChunkFieldsAsync(id);
        Assert.True(fields.ContainsKey("0:job"));
        Assert.False(fields.ContainsKey("1:job"));
    }

    [Fact]
    public async Task PerFollowerPlanUnfinished_EveryClosedChunkStarts()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 8, workers: 0);
        var (ledger, id) = await TwoChunksPlannedAsync(rig, BroadcastChannel.Template);

        await rig.Server.Services.GetRequiredService<BroadcastScheduler>().KickAsync(id);

        var fields = await ledger.ChunkFieldsAsync(id);
        Assert.True(fields.ContainsKey("0:job"));
        Assert.True(fields.ContainsKey("1:job"));
    }

    private static async Task<(BroadcastLedger, string)> TwoChunksPlannedAsync(BroadcastRig rig, BroadcastChannel channel)
    {
        var ledger = rig.Server.Services.GetRequiredService<BroadcastLedger>();
        var (id, _) = await ledger.CreateAsync(new BroadcastDefinition(BroadcastRig.Issue, channel, null, null), null);
        await ledger.TransitionAsync(id, "start");
        Assert.Equal(1, await ledger.AppendAsync(id, await ledger.PlanPositionAsync(id), "3", 3, rig.OpenIds.Take(3).ToList(), dedupe: false));
        Assert.Equal(1, await ledger.AppendAsync(id, await ledger.PlanPositionAsync(id), "6", 3, rig.OpenIds.Skip(3).Take(3).ToList(), dedupe: false));
        var position = await ledger.PlanPositionAsync(id);
        Assert.Equal((2, false), (position.Chunks, position.Planned));
        return (ledger, id);
    }
}
