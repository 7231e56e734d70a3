namespace Subscription.Server.WeChatApi;

internal static class TokenScripts
{
    // KEYS: token, refused. ARGV: the token that failed, refused ttl ms.
    // Drops the cached token only if it is still the one that failed: another caller may already have replaced it.
    public const string Invalidate = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
        redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
        return 1
        """;
}
