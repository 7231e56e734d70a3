using Microsoft.Extensions.DependencyInjection;
using Subscription.Server.Broadcasts;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Broadcasts;

/// <summary>
/// Claims on per-follower sends: a follower whose attempt has no known outcome is claimed again only while WeChat
/// would de-duplicate a repeat, counted from when they were first claimed; later they are failed "unconfirmed".
/// </summary>
[Trait("Category", "Storage")]
public sealed class ClaimTests(StoreFixture store)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task AnUnknownOutcome_IsClaimedAgainInsideTheWindowFromTheFirstClaim_FailedUnconfirmedAfterIt_Once()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 4, workers: 0,
            settings: new Dictionary<string, string?> { ["Broadcasts:RetryUnknownWithin"] = Window.ToString() });
        var ledger = rig.Server.Services.GetRequiredService<BroadcastLedger>();
        var (id, _) = await ledger.CreateAsync(new BroadcastDefinition(BroadcastRig.Issue, BroadcastChannel.Template, null, null), null);
        await ledger.TransitionAsync(id, "start");
        var (a, b, c, d) = (rig.OpenIds[0], rig.OpenIds[1], rig.OpenIds[2], rig.OpenIds[3]);
        (string, string)[] batch = [(a, ""), (b, ""), (c, ""), (d, "")];
        // A job of an earlier build died holding d: its claim carries no time.
        var db = await rig.Server.ConnectStoreAsync();
        await db.HashSetAsync(ledger.Keys.Ledger(id).Outcomes, d, "p:earlier");

        Assert.True(await ledger.LeaseAsync(id, 0, "first"));
        Assert.Equal(["s", "s", "s", "r"], (await ledger.ClaimAsync(id, 0, "first", batch)).Codes);
        // The job stops: a's attempt had no answer, b was never tried, c's and d's claims stay as if the job died.
        Assert.True(await ledger.RecordAsync(id, 0, "first", null, [(a, "?"), (b, "-")]));
        await ledger.ReleaseAsync(id, 0, "first");
        await Task.Delay(Window * 2 / 3);

        Assert.True(await ledger.LeaseAsync(id, 0, "second"));
        Assert.Equal(["r", "s", "r", "r"], (await ledger.ClaimAsync(id, 0, "second", batch)).Codes);
        Assert.True(await ledger.RecordAsync(id, 0, "second", null, [(a, "?"), (b, "?"), (c, "?"), (d, "?")]));
        await ledger.ReleaseAsync(id, 0, "second");
        // Past the window for a, c and d, first claimed by the first job; inside it for b, first claimed by the second.
        await Task.Delay(Window * 2 / 3);

        Assert.True(await ledger.LeaseAsync(id, 0, "third"));
        Assert.Equal(["u", "r", "u", "u"], (await ledger.ClaimAsync(id, 0, "third", batch)).Codes);
        Assert.True(await ledger.RecordAsync(id, 0, "third", null, [(b, "s:42")]));
        Assert.Equal(["d", "d", "d", "d"], (await ledger.ClaimAsync(id, 0, "third", batch)).Codes);

        Assert.Equal(["f:unconfirmed", "s:42", "f:unconfirmed", "f:unconfirmed"],
            await Task.WhenAll(rig.OpenIds.Select(openId => ledger.OutcomeAsync(id, openId))));
        var view = await rig.GetAsync(id);
        Assert.Equal((1, 3), (view.GetProperty("sent").GetInt64(), view.GetProperty("failed").GetInt64()));
        Assert.Equal(3, view.GetProperty("failedByCode").GetProperty("unconfirmed").GetInt64());
    }
}
