using Microsoft.Extensions.DependencyInjection;
using Subscription.Server.Callback;
using Subscription.Server.Subscribers;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Callback;

/// <summary>Deliveries recorded together (one script for many) keep the meaning each has alone, in arrival order.</summary>
[Trait("Category", "Storage")]
public sealed class DeliveryLedgerTests(StoreFixture store) : IAsyncDisposable
{
    private readonly ServerFactory _server = new(store);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task RecordAsync_ManyAtOnce_EachAppliedOnceInArrivalOrder()
    {
        var ledger = _server.Services.GetRequiredService<DeliveryLedger>();
        var at = WeChatSender.Now;
        Task<DeliveryResult> Follow(string nonce, string hash, string key, string reply, string openId) =>
            ledger.RecordAsync(nonce, hash, key, reply, new SubscriberChange(SubscriberOperation.Follow, openId, at, Scene: "bulk"));

        // Issued without awaiting, so they queue behind each other and are written in batches.
        var followers = Enumerable.Range(0, 70).Select(i => Follow($"n{i}", $"h{i}", $"d{i}", $"welcome {i}", $"oBulk{i:D3}")).ToList();
        var first = Follow("n-dup-1", "h-dup", "d-dup", "first reply", "oDup");
        var retry = Follow("n-dup-2", "h-dup", "d-dup", "second reply", "oDup");
        var replayed = Follow("n5", "h-other", "d-replay", "never", "oReplay");
        var unfollow = ledger.RecordAsync("n-unf", "h-unf", "d-unf", null, new SubscriberChange(SubscriberOperation.Unfollow, "oBulk000", at + 1));

        var results = await Task.WhenAll(followers);
        Assert.All(results.Select((r, i) => (r, i)), x => Assert.Equal(new DeliveryResult(DeliveryOutcome.Applied, $"welcome {x.i}"), x.r));
        Assert.Equal(new DeliveryResult(DeliveryOutcome.Applied, "first reply"), await first);
        Assert.Equal(new DeliveryResult(DeliveryOutcome.Retried, "first reply"), await retry);
        Assert.Equal(DeliveryOutcome.Replayed, (await replayed).Outcome);
        Assert.Equal(new DeliveryResult(DeliveryOutcome.Applied, null), await unfollow);

        var stats = await new AdminApi(_server.CreateAdminClient()).StatsAsync();
        Assert.Equal(70, stats.GetProperty("active").GetInt64()); // 70 + oDup − oBulk000; oReplay never applied
        Assert.Equal(71, stats.GetProperty("byScene").GetProperty("bulk").GetInt64());
        var db = await _server.ConnectStoreAsync();
        Assert.Equal("inactive", (string?)await db.HashGetAsync(_server.KeyPrefix + "{subscribers}:f:oBulk000", "status"));
        Assert.False(await db.KeyExistsAsync(_server.KeyPrefix + "{subscribers}:f:oReplay"));
    }

    [Fact]
    public async Task RecordAsync_OneDeliveryFailsInTheStore_OnlyThatOneFails()
    {
        var ledger = _server.Services.GetRequiredService<DeliveryLedger>();
        var db = await _server.ConnectStoreAsync();
        // A follower key of the wrong type makes the script fail part-way through the batch that holds it.
        await db.StringSetAsync(_server.KeyPrefix + "{subscribers}:f:oBroken", "not a hash");
        var at = WeChatSender.Now;
        Task<DeliveryResult> Follow(string name) => FollowAsync(ledger, name, at);

        var before = Enumerable.Range(0, 20).Select(i => Follow($"oBefore{i:D2}")).ToList();
        var broken = Follow("oBroken");
        var after = Enumerable.Range(0, 20).Select(i => Follow($"oAfter{i:D2}")).ToList();

        await Assert.ThrowsAsync<StackExchange.Redis.RedisServerException>(() => broken);
        foreach (var (name, result) in before.Select((t, i) => ($"oBefore{i:D2}", t)).Concat(after.Select((t, i) => ($"oAfter{i:D2}", t))))
        {
            // Applied now, or applied by the part of the batch that ran before the error and answered as a retry.
            Assert.Equal("hi " + name, (await result).ReplyXml);
            Assert.Equal("active", (string?)await db.HashGetAsync(_server.KeyPrefix + "{subscribers}:f:" + name, "status"));
        }

        Assert.Equal(40, (await new AdminApi(_server.CreateAdminClient()).StatsAsync()).GetProperty("active").GetInt64());
    }

    [Fact]
    public async Task RecordAsync_StoreStalledPastWeChatsDeadline_QueuedDeliveryFailsUnwritten()
    {
        await using var proxy = new DelayProxy(store.ConnectionString);
        await using var server = new ServerFactory(store, new Dictionary<string, string?>
        {
            // The client waits longer than the stall, so the two writes in flight succeed once it ends.
            ["Redis:Configuration"] = proxy.Endpoint + ",asyncTimeout=20000,syncTimeout=20000",
        });
        var ledger = server.Services.GetRequiredService<DeliveryLedger>();
        var at = WeChatSender.Now;
        Task<DeliveryResult> Follow(string name) => FollowAsync(ledger, name, at);
        Assert.Equal("hi oWarm", (await Follow("oWarm")).ReplyXml);

        proxy.Delay = TimeSpan.FromSeconds(6);
        var first = Follow("oFirst");
        await Task.Delay(200);
        var second = Follow("oSecond");
        await Task.Delay(200);
        var queued = Follow("oQueued"); // both writes in flight: it waits in the queue longer than 5 s

        await Assert.ThrowsAsync<TimeoutException>(() => queued);
        Assert.Equal("hi oFirst", (await first).ReplyXml);
        Assert.Equal("hi oSecond", (await second).ReplyXml);
        proxy.Delay = TimeSpan.Zero;
        var db = await server.ConnectStoreAsync();
        Assert.False(await db.KeyExistsAsync(server.KeyPrefix + "{subscribers}:f:oQueued"));
    }

    /// <summary>A first follow by <paramref name="name"/>, whose nonce, body hash, delivery key and reply all carry the name.</summary>
    private static Task<DeliveryResult> FollowAsync(DeliveryLedger ledger, string name, long at) =>
        ledger.RecordAsync("n-" + name, "h-" + name, "d-" + name, "hi " + name, new SubscriberChange(SubscriberOperation.Follow, name, at));
}
