using System.Collections.Concurrent;
using System.Diagnostics;
using StackExchange.Redis;
using Subscription.Server.Storage;
using Subscription.Server.Tests.Infrastructure;
using Subscription.Server.WeChatApi;

namespace Subscription.Server.Tests.WeChatApi;

[Trait("Category", "Storage")]
public sealed class RateLimiterTests(StoreFixture fixture) : IAsyncLifetime
{
    private readonly List<ConnectionMultiplexer> _connections = [];
    private readonly string _prefix = StoreFixture.NewPrefix();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>A limiter with its own connection, as another server instance would have.</summary>
    private async Task<RateLimiter> InstanceAsync()
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(fixture.ConnectionString);
        _connections.Add(connection);
        return new RateLimiter(new RedisStore(connection, _prefix, "test"), TimeProvider.System);
    }

    [Fact]
    public async Task TryAcquire_BurstAtTheLimit_PassesThenRefusesWithAWait()
    {
        var limiter = await InstanceAsync();
        var limit = new RateLimit("burst", 5, TimeSpan.FromSeconds(10), Burst: 3);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TimeSpan.Zero, await limiter.TryAcquireAsync(limit));
        }

        // One permit per 2 s after the burst of 3.
        var wait = await limiter.TryAcquireAsync(limit);
        Assert.InRange(wait, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2.1));
    }

    [Fact]
    public async Task Acquire_TwoInstancesHammering_StayWithinTheSharedLimit()
    {
        var limit = new RateLimit("shared", 10, TimeSpan.FromSeconds(1));
        var instances = new[] { await InstanceAsync(), await InstanceAsync() };
        var granted = new ConcurrentBag<long>();
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            var limiter = instances[worker % 2];
            while (clock.Elapsed < TimeSpan.FromSeconds(2.5))
            {
                if (await limiter.TryAcquireAsync(limit) == TimeSpan.Zero)
                {
                    granted.Add(clock.ElapsedMilliseconds);
                }
            }
        }));

        // One permit per 100 ms: never more than one per 100 ms overall, nor 10 (+1 at the edge) in any second.
        var times = granted.Order().ToArray();
        Assert.InRange(times.Length, 15, times[^1] / 100 + 2);
        for (var i = 0; i < times.Length; i++)
        {
            var inWindow = times.Skip(i).TakeWhile(t => t < times[i] + 1000).Count();
            Assert.True(inWindow <= 11, $"{inWindow} permits within one second starting at {times[i]} ms");
        }
    }
}
