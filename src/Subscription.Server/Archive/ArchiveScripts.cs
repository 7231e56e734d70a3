namespace Subscription.Server.Archive;

internal static class ArchiveScripts
{
    // KEYS: published hash, index, revision, draft. ARGV: number, json, allow correction (1/0).
    // Returns the new version, or 0 when the number is already published and no correction was asked for.
    public const string Publish = """
        local current = tonumber(redis.call('HGET', KEYS[1], 'current') or '0')
        if current > 0 and ARGV[3] ~= '1' then return 0 end
        local version = current + 1
        redis.call('HSET', KEYS[1], 'v' .. version, ARGV[2], 'current', version)
        redis.call('ZADD', KEYS[2], ARGV[1], ARGV[1])
        redis.call('DEL', KEYS[4])
        redis.call('INCR', KEYS[3])
        return version
        """;

    // KEYS: published hash, draft. ARGV: json. Refuses (0) a draft for a number already published.
    public const string SaveDraft = """
        if redis.call('HEXISTS', KEYS[1], 'current') == 1 then return 0 end
        redis.call('SET', KEYS[2], ARGV[1])
        return 1
        """;
}
