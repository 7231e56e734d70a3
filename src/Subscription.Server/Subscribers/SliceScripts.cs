namespace Subscription.Server.Subscribers;

/// <summary>Lua for the slices of the audience a mass broadcast sends to, in the subscribers' slot.</summary>
internal static class SliceScripts
{
    // KEYS: the fixed slice. ARGV: what this attempt would fix, ttl ms.
    // The first attempt's answer stays: returns what an earlier attempt fixed, or nil once this one is kept.
    public const string Fix = """
        local fixed = redis.call('GET', KEYS[1])
        if fixed then return fixed end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return false
        """;
}
