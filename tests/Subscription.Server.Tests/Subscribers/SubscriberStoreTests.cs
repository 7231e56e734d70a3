using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Subscription.Server.Storage;
using Subscription.Server.Subscribers;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Subscribers;

[Trait("Category", "Storage")]
public sealed class SubscriberStoreTests(StoreFixture fixture) : IAsyncLifetime
{
    private ConnectionMultiplexer _connection = null!;
    private SubscriberStore _store = null!;
    private string _prefix = null!;

    public async ValueTask InitializeAsync()
    {
        _connection = await ConnectionMultiplexer.ConnectAsync(fixture.ConnectionString);
        _prefix = StoreFixture.NewPrefix();
        var options = Options.Create(new SubscriberOptions());
        _store = new SubscriberStore(new RedisStore(_connection, _prefix, "test"), new ReaderClock(options, TimeProvider.System), options);
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task PageAudience_WithCursor_VisitsEveryActiveFollowerOnceInFollowOrder()
    {
        var t = WeChatSender.Now - 1000;
        var followers = await FollowManyAsync("oPage", 25, t);

        await _store.UnfollowAsync("oPage03", t + 1);
        await _store.UnfollowAsync("oPage17", t + 1);

        var (seen, pages) = await PageAllAsync(c => _store.PageAudienceAsync(c, 10));

        Assert.Equal(followers.Where(f => f is not ("oPage03" or "oPage17")), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Follow_Refollow_KeepsSequenceSoPagingStaysStable()
    {
        var t = WeChatSender.Now - 1000;
        await _store.FollowAsync("oSeqA", t, null);
        await _store.FollowAsync("oSeqB", t, null);
        var before = (await _store.GetAsync("oSeqA"))!.Sequence;

        await _store.UnfollowAsync("oSeqA", t + 1);
        Assert.Equal(FollowerChange.Activated, await _store.FollowAsync("oSeqA", t + 2, null));

        Assert.Equal(before, (await _store.GetAsync("oSeqA"))!.Sequence);
        Assert.Equal(["oSeqA", "oSeqB"], (await _store.PageAudienceAsync(0, 10)).OpenIds);
    }

    [Fact]
    public async Task Events_OutOfOrder_LastWriterByCreateTime()
    {
        var t = WeChatSender.Now - 1000;
        Assert.Equal(FollowerChange.Activated, await _store.FollowAsync("oOrder", t + 30, "late"));
        Assert.Equal(FollowerChange.Stale, await _store.UnfollowAsync("oOrder", t + 10));
        Assert.Equal(FollowerChange.Stale, await _store.FollowAsync("oOrder", t, "early"));

        var record = (await _store.GetAsync("oOrder"))!;
        Assert.Equal(SubscriberStatus.Active, record.Status);
        Assert.Equal(t, record.FirstSubscribedAt!.Value.ToUnixTimeSeconds());
        Assert.Equal(t + 30, record.LastSubscribedAt!.Value.ToUnixTimeSeconds());
        Assert.Equal("late", record.Scene);
        Assert.Equal(1, (await _store.GetStatsAsync()).Active);
    }

    [Fact]
    public async Task DailyCounters_CountEachTransitionOnce_AndExpireWithTheirDay()
    {
        var t = WeChatSender.Now - 1000;
        await _store.FollowAsync("oDayA", t, null);
        await _store.FollowAsync("oDayB", t, null);
        await _store.FollowAsync("oDayA", t + 1, null);
        await _store.UnfollowAsync("oDayA", t + 2);

        var options = Options.Create(new SubscriberOptions());
        var day = _store.Keys.Daily(new ReaderClock(options, TimeProvider.System).Day(DateTimeOffset.FromUnixTimeSeconds(t)));
        var db = _connection.GetDatabase();
        Assert.Equal([2L, 1L], (await db.HashGetAsync(day, ["follows", "unfollows"])).Select(v => (long)v));
        var ttl = await db.KeyTimeToLiveAsync(day);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromDays(options.Value.DailyCounterDays - 1), TimeSpan.FromDays(options.Value.DailyCounterDays));
        Assert.Equal(1, (await _store.GetStatsAsync()).Active);
    }

    [Fact]
    public async Task Touch_FromFollowerNeverSeen_RecordsThemActive()
    {
        var t = WeChatSender.Now - 1000;
        Assert.Equal(FollowerChange.Activated, await _store.TouchAsync("oUnseen", t));
        Assert.Equal(FollowerChange.Unchanged, await _store.TouchAsync("oUnseen", t + 1));

        var record = (await _store.GetAsync("oUnseen"))!;
        Assert.Equal(SubscriberStatus.Active, record.Status);
        Assert.Null(record.FirstSubscribedAt);
        Assert.Equal(t + 1, record.LastInteractionAt!.Value.ToUnixTimeSeconds());
        var stats = await _store.GetStatsAsync();
        Assert.Equal(1, stats.Active);
        Assert.Equal(0, stats.FollowsToday);
    }

    [Fact]
    public async Task Touch_OlderThanUnfollow_DoesNotReactivate()
    {
        var t = WeChatSender.Now - 1000;
        await _store.FollowAsync("oGone", t, null);
        await _store.UnfollowAsync("oGone", t + 20);

        Assert.Equal(FollowerChange.Unchanged, await _store.TouchAsync("oGone", t + 10));

        Assert.Equal(SubscriberStatus.Inactive, (await _store.GetAsync("oGone"))!.Status);
        Assert.Equal(0, (await _store.GetStatsAsync()).Active);
    }

    [Fact]
    public async Task Reach_FollowsPushPreferenceAndStatus_FromTheSetsAsFromTheRecords()
    {
        var t = WeChatSender.Now - 1000;
        await _store.FollowAsync("oReachOn", t, null);
        await _store.FollowAsync("oReachOff", t, null);
        await _store.FollowAsync("oReachBack", t, null);
        await _store.FollowAsync("oReachGone", t, null);
        await _store.TouchAsync("oReachOff", t + 1, pushEnabled: false);
        await _store.TouchAsync("oReachBack", t + 1, pushEnabled: false);
        await _store.TouchAsync("oReachBack", t + 2, pushEnabled: true);
        await _store.UnfollowAsync("oReachGone", t + 3);
        string[] openIds = ["oReachOn", "oReachOff", "oReachBack", "oReachGone", "oReachNever"];
        Reach[] expected = [Reach.Reachable, Reach.OptedOut, Reach.Reachable, Reach.Unsubscribed, Reach.Unsubscribed];

        // Before the opted-out set is marked complete the records answer; after, the audience and the set do.
        Assert.Equal(expected, await _store.ReachAsync(openIds));
        await RunBackfillAsync(_store);
        var fresh = NewStore();
        Assert.Equal(expected, await fresh.ReachAsync(openIds));
        Assert.Equal(["oReachOff"], (await _connection.GetDatabase().SetMembersAsync(_store.Keys.OptedOut)).Select(m => m.ToString()));
    }

    [Fact]
    public async Task PageReachable_VisitsEveryFollowerWhoTakesPushesOnce_FromTheSetsAsFromTheRecords()
    {
        var t = WeChatSender.Now - 1000;
        var followers = await FollowManyAsync("oReachPage", 23, t);

        await _store.TouchAsync("oReachPage04", t + 1, pushEnabled: false);
        await _store.TouchAsync("oReachPage09", t + 1, pushEnabled: false);
        await _store.TouchAsync("oReachPage09", t + 2, pushEnabled: true);
        await _store.TouchAsync("oReachPage19", t + 1, pushEnabled: false);
        await _store.UnfollowAsync("oReachPage12", t + 3);
        var expected = followers.Where(f => f is not ("oReachPage04" or "oReachPage19" or "oReachPage12")).ToList();

        // 22 active followers in pages of 5: the last page is short, whatever was filtered out of the others.
        var (fromRecords, recordPages) = await PageAllAsync(c => _store.PageReachableAsync(c, 5));
        Assert.Equal(expected, fromRecords);
        Assert.Equal(5, recordPages);
        await RunBackfillAsync(_store);
        var fresh = NewStore();
        var (fromSets, setPages) = await PageAllAsync(c => fresh.PageReachableAsync(c, 5));
        Assert.Equal(expected, fromSets);
        Assert.Equal(5, setPages);
    }

    [Fact]
    public async Task Reach_WithTheSliceOfTheAudienceTheListCameFrom_AnswersAsWithout()
    {
        var t = WeChatSender.Now - 1000;
        await FollowManyAsync("oSlice", 12, t);

        await RunBackfillAsync(_store);
        var store = NewStore();
        long Seq(Subscriber? s) => s!.Sequence;
        var first = Seq(await store.GetAsync("oSlice02"));
        var last = Seq(await store.GetAsync("oSlice08"));
        await store.TouchAsync("oSlice04", t + 1, pushEnabled: false);
        await store.UnfollowAsync("oSlice06", t + 1);
        // Inside the slice; one from before it (as the last mass chunk borrows); one who never followed.
        string[] openIds = ["oSlice03", "oSlice04", "oSlice05", "oSlice06", "oSlice08", "oSlice00", "oSliceNever"];
        Reach[] expected = [Reach.Reachable, Reach.OptedOut, Reach.Reachable, Reach.Unsubscribed, Reach.Reachable, Reach.Reachable, Reach.Unsubscribed];

        Assert.Equal(expected, await store.ReachAsync(openIds));
        Assert.Equal(expected, await store.ReachAsync(openIds, new AudienceRange(first, last)));
        Assert.Equal(expected, await store.ReachAsync(openIds, new AudienceRange(first, null)));
        // A slice far wider than the list is not read whole; the answers stay the same.
        Assert.Equal(expected.Take(2), await store.ReachAsync(openIds[..2], new AudienceRange(0, null)));
    }

    [Fact]
    public async Task Backfill_AddsFollowersWhoOptedOutBeforeTheSetExisted_Once()
    {
        var t = WeChatSender.Now - 1000;
        var db = _connection.GetDatabase();
        for (var i = 0; i < 2_500; i++)
        {
            await _store.FollowAsync($"oOld{i:D4}", t, null);
        }

        // As a store written before the opted-out set existed: the preference only in the record.
        var optedOut = Enumerable.Range(0, 2_500).Where(i => i % 7 == 0).Select(i => $"oOld{i:D4}").ToList();
        foreach (var openId in optedOut)
        {
            await db.HashSetAsync(_store.Keys.Follower(openId), "pushEnabled", "0");
        }

        var store = NewStore();
        await RunBackfillAsync(store);
        await RunBackfillAsync(store);

        Assert.Equal(optedOut.Order(), (await db.SetMembersAsync(_store.Keys.OptedOut)).Select(m => m.ToString()).Order());
        Assert.True(await db.KeyExistsAsync(_store.Keys.OptedOutReady));
        var reach = await NewStore().ReachAsync([optedOut[1], "oOld0001"]);
        Assert.Equal([Reach.OptedOut, Reach.Reachable], reach);
    }

    /// <summary>Followers "{prefix}00", "{prefix}01", … following in that order, at <paramref name="at"/>.</summary>
    private async Task<List<string>> FollowManyAsync(string prefix, int count, long at)
    {
        var followers = Enumerable.Range(0, count).Select(i => $"{prefix}{i:D2}").ToList();
        foreach (var openId in followers)
        {
            await _store.FollowAsync(openId, at, null);
        }

        return followers;
    }

    /// <summary>Every page from the start, following the cursor: the openids in order and the number of pages.</summary>
    private static async Task<(List<string> Seen, int Pages)> PageAllAsync(Func<long, Task<AudiencePage>> page)
    {
        var seen = new List<string>();
        long? cursor = 0;
        var pages = 0;
        while (cursor is { } c)
        {
            var next = await page(c);
            seen.AddRange(next.OpenIds);
            cursor = next.NextCursor;
            pages++;
        }

        return (seen, pages);
    }

    private SubscriberStore NewStore()
    {
        var options = Options.Create(new SubscriberOptions());
        return new SubscriberStore(new RedisStore(_connection, _prefix, "test"), new ReaderClock(options, TimeProvider.System), options);
    }

    private async Task RunBackfillAsync(SubscriberStore store)
    {
        using var backfill = new OptOutBackfill(new RedisStore(_connection, _prefix, "test"), store, NullLogger<OptOutBackfill>.Instance);
        await backfill.StartAsync(TestContext.Current.CancellationToken);
        await backfill.ExecuteTask!;
    }

    [Fact]
    public async Task Follow_SameFollowerFromManyConnectionsAtOnce_CountedOnce()
    {
        var t = WeChatSender.Now - 1000;
        var connections = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ConnectionMultiplexer.ConnectAsync(fixture.ConnectionString)));
        var options = Options.Create(new SubscriberOptions());
        var stores = connections.Select(c => new SubscriberStore(new RedisStore(c, _prefix, "test"), new ReaderClock(options, TimeProvider.System), options)).ToArray();

        // Atomic scripts: whichever runs first activates the follower, every other one sees it active.
        var changes = await Task.WhenAll(Enumerable.Range(0, 800).Select(i => stores[i % 8].FollowAsync($"oRace{i % 20}", t + i / 20, "race")));

        Assert.Equal(20, changes.Count(c => c == FollowerChange.Activated));
        var stats = await _store.GetStatsAsync();
        Assert.Equal(20, stats.Active);
        Assert.Equal(20, stats.ByScene["race"]);
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task Keys_AllShareOneHashTag_SoScriptsRunOnACluster()
    {
        var t = WeChatSender.Now - 1000;
        await _store.FollowAsync("oTag", t, "scene");
        await _store.TouchAsync("oTag", t + 1, scanScene: "scan");

        var server = _connection.GetServer(_connection.GetEndPoints()[0]);
        var keys = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: _prefix + "*"))
        {
            keys.Add(key);
        }

        Assert.True(keys.Count >= 6);
        Assert.All(keys, k => Assert.StartsWith(_prefix + "{subscribers}:", k.ToString(), StringComparison.Ordinal));
    }
}
