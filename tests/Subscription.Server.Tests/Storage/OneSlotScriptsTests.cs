using StackExchange.Redis;
using Subscription.Server.Storage;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Storage;

/// <summary>A script whose keys a Redis Cluster would place in two slots is refused before it reaches any store.</summary>
[Trait("Category", "Storage")]
public sealed class OneSlotScriptsTests(StoreFixture store)
{
    private const string SetBoth = "redis.call('SET', KEYS[1], ARGV[1]); redis.call('SET', KEYS[2], ARGV[1]); return 1";

    [Fact]
    public async Task KeysSharingATag_Run()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(store.ConnectionString);
        var db = connection.GetDatabase();
        var prefix = StoreFixture.NewPrefix();
        RedisKey first = prefix + "{bc:1}:meta", second = prefix + "{bc:1}:chunks";

        Assert.Equal(1, (int)await db.EvaluateInOneSlotAsync(SetBoth, [first, second], ["x"]));

        Assert.Equal("x", await db.StringGetAsync(second));
    }

    [Theory]
    [InlineData("{bc:1}:meta", "{broadcasts}:open")]
    [InlineData("{bc:1}:meta", "bc:1:meta")]
    [InlineData("{}:a", "{}:b")]
    public async Task KeysInTwoSlots_Refused_NothingWritten(string firstKey, string secondKey)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(store.ConnectionString);
        var db = connection.GetDatabase();
        var prefix = StoreFixture.NewPrefix();
        RedisKey first = prefix + firstKey, second = prefix + secondKey;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.EvaluateInOneSlotAsync(SetBoth, [first, second], ["x"]));

        Assert.Contains("hash tag", refused.Message, StringComparison.Ordinal);
        Assert.False(await db.KeyExistsAsync(first));
        Assert.False(await db.KeyExistsAsync(second));
    }

    [Theory]
    [InlineData("p:{bc:1}:meta", "bc:1")]
    [InlineData("p:{}:x{y}", "p:{}:x{y}")]
    [InlineData("no-tag", "no-tag")]
    [InlineData("{a}{b}", "a")]
    [InlineData("p:{unclosed", "p:{unclosed")]
    public void HashTag_FollowsRedisCluster(string key, string tag) =>
        Assert.Equal(tag, OneSlotScripts.HashTag(key).ToString());
}
