namespace Subscription.Server.Subscribers;

/// <summary>
/// Lua scripts that apply one event atomically. "lastEventAt" holds the CreateTime of the last applied
/// follow/unfollow, so an older event delivered late cannot undo a newer one. Counters move only on a
/// status transition, which makes a re-applied event harmless.
/// </summary>
internal static class SubscriberScripts
{
    // KEYS: follower, audience, seq, active, daily, follow scenes. ARGV: openid, createTime, scene, daily ttl.
    public const string Follow = """
        local f, t = KEYS[1], tonumber(ARGV[2])
        local interacted = tonumber(redis.call('HGET', f, 'lastInteractionAt') or '0')
        if t > interacted then redis.call('HSET', f, 'lastInteractionAt', t) end
        local first = tonumber(redis.call('HGET', f, 'firstSubscribedAt') or '0')
        if first == 0 or t < first then redis.call('HSET', f, 'firstSubscribedAt', t) end
        if t < tonumber(redis.call('HGET', f, 'lastEventAt') or '0') then return 0 end
        redis.call('HSET', f, 'lastEventAt', t, 'lastSubscribedAt', t)
        if ARGV[3] ~= '' then redis.call('HSET', f, 'scene', ARGV[3]) end
        redis.call('HSETNX', f, 'pushEnabled', '1')
        local seq = redis.call('HGET', f, 'seq')
        if not seq then
          seq = redis.call('INCR', KEYS[3])
          redis.call('HSET', f, 'seq', seq)
        end
        if redis.call('HGET', f, 'status') == 'active' then return 1 end
        redis.call('HSET', f, 'status', 'active')
        redis.call('ZADD', KEYS[2], seq, ARGV[1])
        redis.call('INCR', KEYS[4])
        redis.call('HINCRBY', KEYS[5], 'follows', 1)
        redis.call('EXPIRE', KEYS[5], ARGV[4])
        if ARGV[3] ~= '' then redis.call('HINCRBY', KEYS[6], ARGV[3], 1) end
        return 2
        """;

    // KEYS: follower, audience, active, daily. ARGV: openid, createTime, daily ttl.
    public const string Unfollow = """
        local f, t = KEYS[1], tonumber(ARGV[2])
        if t < tonumber(redis.call('HGET', f, 'lastEventAt') or '0') then return 0 end
        local wasActive = redis.call('HGET', f, 'status') == 'active'
        redis.call('HSET', f, 'lastEventAt', t, 'unsubscribedAt', t, 'status', 'inactive')
        redis.call('HSETNX', f, 'pushEnabled', '1')
        if not wasActive then return 1 end
        redis.call('ZREM', KEYS[2], ARGV[1])
        redis.call('DECR', KEYS[3])
        redis.call('HINCRBY', KEYS[4], 'unfollows', 1)
        redis.call('EXPIRE', KEYS[4], ARGV[3])
        return 3
        """;

    // Any other interaction. Only followers can message the account or use its menu, so an interaction
    // newer than the last unfollow (or from someone never seen) proves a follow whose event we missed.
    // KEYS: follower, audience, seq, active, scan scenes.
    // ARGV: openid, createTime, scan scene, push flag ('', '0', '1'), sections ('' = unchanged, '=a,b' = set, '=' = all).
    public const string Touch = """
        local f, t = KEYS[1], tonumber(ARGV[2])
        local change = 1
        if redis.call('HGET', f, 'status') ~= 'active' and t > tonumber(redis.call('HGET', f, 'lastEventAt') or '0') then
          local seq = redis.call('HGET', f, 'seq')
          if not seq then
            seq = redis.call('INCR', KEYS[3])
            redis.call('HSET', f, 'seq', seq)
          end
          redis.call('HSET', f, 'status', 'active', 'lastEventAt', t)
          redis.call('HSETNX', f, 'pushEnabled', '1')
          redis.call('ZADD', KEYS[2], seq, ARGV[1])
          redis.call('INCR', KEYS[4])
          change = 2
        end
        if t > tonumber(redis.call('HGET', f, 'lastInteractionAt') or '0') then redis.call('HSET', f, 'lastInteractionAt', t) end
        if ARGV[3] ~= '' then
          redis.call('HSET', f, 'lastScanScene', ARGV[3], 'lastScanAt', t)
          redis.call('HINCRBY', KEYS[5], ARGV[3], 1)
        end
        if ARGV[4] ~= '' and t >= tonumber(redis.call('HGET', f, 'pushChangedAt') or '0') then
          redis.call('HSET', f, 'pushEnabled', ARGV[4], 'pushChangedAt', t)
        end
        if ARGV[5] ~= '' then redis.call('HSET', f, 'sections', string.sub(ARGV[5], 2)) end
        return change
        """;
}
