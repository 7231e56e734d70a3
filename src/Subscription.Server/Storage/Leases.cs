using StackExchange.Redis;

namespace Subscription.Server.Storage;

/// <summary>
/// A lease in Redis: a key holding its owner's token that lapses unless renewed. One instance (or job) works
/// while it holds the lease; when it dies the lease expires and another may take it.
/// </summary>
public static class Leases
{
    // KEYS: lease. ARGV: token, lease ms. Takes the lease if free, renews it if this token holds it.
    private const string TakeScript = """
        local holder = redis.call('GET', KEYS[1])
        if holder and holder ~= ARGV[1] then return 0 end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return 1
        """;

    // KEYS: lease. ARGV: token. Gives the lease up only if this token still holds it.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    /// <summary>Takes or renews the lease; false when another token holds it.</summary>
    public static async Task<bool> TakeOrRenewAsync(this IDatabase db, RedisKey lease, string token, TimeSpan duration) =>
        (int)await db.EvaluateInOneSlotAsync(TakeScript, [lease], [token, (long)duration.TotalMilliseconds]) == 1;

    /// <summary>Gives the lease up if <paramref name="token"/> still holds it; true when it did.</summary>
    public static async Task<bool> ReleaseAsync(this IDatabase db, RedisKey lease, string token) =>
        (int)await db.EvaluateInOneSlotAsync(ReleaseScript, [lease], [token]) == 1;
}
