using StackExchange.Redis;
using Subscription.Server.Storage;

namespace Subscription.Server.WeChatApi;

/// <summary>A limit on one API family, e.g. mass send: 60 requests a minute (§13.5).</summary>
/// <param name="Burst">Permits that may go at once; any window of one period then sees at most Limit + Burst − 1.</param>
public sealed record RateLimit(string Family, int Limit, TimeSpan Period, int Burst = 1)
{
    public static RateLimit MassSend { get; } = new("mass", 60, TimeSpan.FromMinutes(1));
}

/// <summary>
/// A rate limiter shared by every instance through Redis: GCRA (the generic cell rate algorithm) on one key
/// per family: one permit per period/limit, after an optional burst.
/// </summary>
public sealed class RateLimiter(RedisStore store, TimeProvider time)
{
    // KEYS: theoretical arrival time. ARGV: now ms, emission interval ms, burst tolerance ms.
    // Returns 0 when allowed, otherwise the milliseconds to wait.
    private const string Script = """
        local now, emission, tolerance = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
        local tat = tonumber(redis.call('GET', KEYS[1]) or ARGV[1])
        if tat < now then tat = now end
        local allowAt = tat - tolerance
        if now < allowAt then return math.ceil(allowAt - now) end
        local next = tat + emission
        redis.call('SET', KEYS[1], string.format('%.0f', next), 'PX', string.format('%.0f', next - now + 1000))
        return 0
        """;

    private readonly string _root = store.KeyPrefix + "rate:";

    /// <summary>Zero when a permit was taken; otherwise how long until one is free (nothing taken).</summary>
    public async Task<TimeSpan> TryAcquireAsync(RateLimit limit)
    {
        var emission = limit.Period.TotalMilliseconds / limit.Limit;
        var wait = (long)await store.Database.EvaluateInOneSlotAsync(
            Script,
            [(RedisKey)(_root + limit.Family)],
            [time.GetUtcNow().ToUnixTimeMilliseconds(), emission, (limit.Burst - 1) * emission]);
        return TimeSpan.FromMilliseconds(wait);
    }

    /// <summary>Waits for a permit.</summary>
    public async Task AcquireAsync(RateLimit limit, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        while ((wait = await TryAcquireAsync(limit)) > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
