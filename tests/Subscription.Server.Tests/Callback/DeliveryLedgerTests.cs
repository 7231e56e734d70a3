using Microsoft.Extensions.DependencyInjection;
using Subscription.Server.Callback;
using Subscription.Server.Subscribers;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Callback;

/// <summary>Deliveries recorded together (one script for many) keep the meaning each has alone, in arrival order.</summary>
[Trait("Category", "Storage")]
public sealed class DeliveryLedgerTests(StoreFixture store) : IAsyncLifetime
{
    private readonly ServerFactory _server = new(store);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

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
}
