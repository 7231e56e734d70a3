using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Subscription.Server.Broadcasts;
using Subscription.Server.Storage;
using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.Broadcasts;

/// <summary>
/// Claims on per-follower sends: a follower an earlier job may have reached is claimed again only while WeChat
/// would de-duplicate a repeat, counted from when they were first claimed; later they are failed "unconfirmed".
/// </summary>
[Trait("Category", "Storage")]
public sealed class ClaimTests(StoreFixture store)
{
    [Fact]
    public async Task AClaimLeftByAnEarlierJob_IsTakenAgainInsideTheWindowFromTheFirstClaim_FailedUnconfirmedAfterIt_Once()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 4, workers: 0);
        var (ledger, id, clock, options) = await StartAsync(rig);
        var (a, b, c, d) = (rig.OpenIds[0], rig.OpenIds[1], rig.OpenIds[2], rig.OpenIds[3]);
        (string, string)[] batch = [(a, ""), (b, ""), (c, ""), (d, "")];
        // A job of an earlier build died holding d: its claim carries no time and counts as made now.
        var db = await rig.Server.ConnectStoreAsync();
        await db.HashSetAsync(ledger.Keys.Ledger(id).Outcomes, d, "p:earlier");
        var start = clock.GetUtcNow();

        var first = await ClaimAsync(ledger, id, "first", batch);
        Assert.Equal("sssr", Codes(first));
        Assert.All(first, claim => Assert.InRange(claim.FirstClaimed, start.AddSeconds(-1), clock.GetUtcNow()));
        // The job stops: b was never tried and is given back; a, c and d may have been reached and stay claimed.
        Assert.True(await ledger.RecordAsync(id, 0, "first", null, [(b, "-")]));
        await ledger.ReleaseAsync(id, 0, "first");
        clock.Advance(options.RetryUnknownWithin * 0.8);

        var second = await ClaimAsync(ledger, id, "second", batch);
        Assert.Equal("rsrr", Codes(second));
        Assert.Equal(first[0].FirstClaimed, second[0].FirstClaimed);
        Assert.True(second[1].FirstClaimed > first[1].FirstClaimed.Add(options.RetryUnknownWithin * 0.7));
        await ledger.ReleaseAsync(id, 0, "second");
        // Past the window for a, c and d, first claimed by the first job; inside it for b, first claimed by the second.
        clock.Advance(options.RetryUnknownWithin * 0.4);

        Assert.Equal("uruu", Codes(await ClaimAsync(ledger, id, "third", batch)));
        Assert.True(await ledger.RecordAsync(id, 0, "third", null, [(b, "s:42")]));
        Assert.Equal("dddd", Codes((await ledger.ClaimAsync(id, 0, "third", batch)).Claims));

        Assert.Equal(["f:unconfirmed", "s:42", "f:unconfirmed", "f:unconfirmed"],
            await Task.WhenAll(rig.OpenIds.Select(openId => ledger.OutcomeAsync(id, openId))));
        var view = await rig.GetAsync(id);
        Assert.Equal((1, 3), (view.GetProperty("sent").GetInt64(), view.GetProperty("failed").GetInt64()));
        Assert.Equal(3, view.GetProperty("failedByCode").GetProperty("unconfirmed").GetInt64());
    }

    [Fact]
    public async Task AFollowerTwiceInOneBatch_IsClaimedOnce_RecordedAndCountedOnce()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 3, workers: 0);
        var (ledger, id, _, _) = await StartAsync(rig);
        var (a, b, c) = (rig.OpenIds[0], rig.OpenIds[1], rig.OpenIds[2]);

        // A chunk can list a follower twice (planned again after a re-follow during planning): the second copy in a
        // batch must see what the first wrote, although the batch is read from the store in one go.
        var claims = await ClaimAsync(ledger, id, "job", [(a, ""), (b, ""), (a, ""), (c, "unsubscribed"), (c, "unsubscribed")]);
        Assert.Equal("ssdkd", Codes(claims));
        Assert.True(await ledger.RecordAsync(id, 0, "job", null, [(a, "s:1"), (b, "-"), (a, "s:2"), (b, "s:3")]));

        Assert.Equal(["s:1", null, "k:unsubscribed"], await Task.WhenAll(rig.OpenIds.Select(openId => ledger.OutcomeAsync(id, openId))));
        var view = await rig.GetAsync(id);
        Assert.Equal((1, 1, 0), (view.GetProperty("sent").GetInt64(), view.GetProperty("skipped").GetInt64(), view.GetProperty("failed").GetInt64()));
    }

    [Fact]
    public async Task ABatchOfTheLargestSizeAllowed_IsClaimedWhole_TwoAndAHalfAreRecordedInOneCallWithThePosition()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 1, workers: 0);
        var (ledger, id, _, _) = await StartAsync(rig);
        // The scripts pass a batch to one HMGET and one HSET (twice as many arguments): Lua's unpack must take it.
        const int largest = BroadcastOptions.MaxBatchSize;
        (string OpenId, string Skip)[] followers = [.. Enumerable.Range(0, largest * 5 / 2).Select(i => ($"oBatch{i:D22}", ""))];
        foreach (var batch in followers.Chunk(largest))
        {
            Assert.Equal(new string('s', batch.Length), Codes(await ClaimAsync(ledger, id, "job", batch)));
        }

        // A job stopping with followers waiting to retry records more than a batch at once.
        Assert.True(await ledger.RecordAsync(id, 0, "job", followers.Length, [.. followers.Select((b, i) => (b.OpenId, $"s:{i}"))]));

        Assert.Equal(followers.Length, (await rig.GetAsync(id)).GetProperty("sent").GetInt64());
        Assert.Equal($"s:{followers.Length - 1}", await ledger.OutcomeAsync(id, followers[^1].OpenId));
        Assert.Equal(followers.Length, (await ledger.ChunkAsync(id, 0)).Position);
    }

    private static async Task<(BroadcastLedger Ledger, string Id, EmulatorClock Clock, BroadcastOptions Options)> StartAsync(BroadcastRig rig)
    {
        var clock = new EmulatorClock(TimeProvider.System);
        var options = new BroadcastOptions();
        var ledger = new BroadcastLedger(rig.Server.Services.GetRequiredService<RedisStore>(), clock, Options.Create(options), NullLogger<BroadcastLedger>.Instance);
        var (id, _) = await ledger.CreateAsync(new BroadcastDefinition(BroadcastRig.Issue, BroadcastChannel.Template, null, null), null);
        await ledger.TransitionAsync(id, "start");
        return (ledger, id, clock, options);
    }

    private static async Task<FollowerClaim[]> ClaimAsync(BroadcastLedger ledger, string id, string token, (string, string)[] batch)
    {
        Assert.True(await ledger.LeaseAsync(id, 0, token));
        var (state, claims) = await ledger.ClaimAsync(id, 0, token, batch);
        Assert.Equal("running", state);
        return claims;
    }

    private static string Codes(IEnumerable<FollowerClaim> claims) => string.Concat(claims.Select(claim => claim.Code));
}
