namespace Subscription.Server.Subscribers;

/// <summary>
/// Lua that applies one event to a follower atomically. "lastEventAt" holds the CreateTime of the last
/// applied follow/unfollow, so an older event delivered late cannot undo a newer one. Counters move only
/// on a status transition, which makes a re-applied event harmless.
/// Every function takes the same layout (see <see cref="SubscriberChange"/>):
/// K = follower, audience, seq, active, daily, follow scenes, scan scenes;
/// A = openid, createTime, scene, scan scene, push ('', '0', '1'), sections ('' unchanged, '=a,b', '=' all), daily ttl.
/// Results: 0 stale, 1 unchanged, 2 activated, 3 deactivated (<see cref="FollowerChange"/>).
/// </summary>
internal static class SubscriberScripts
{
    public const string Library = """
        local function num(v) return tonumber(v or '0') end

        local function activate(K, A, f)
          local seq = redis.call('HGET', f, 'seq')
          if not seq then
            seq = redis.call('INCR', K[3])
            redis.call('HSET', f, 'seq', seq)
          end
          redis.call('HSET', f, 'status', 'active')
          redis.call('HSETNX', f, 'pushEnabled', '1')
          redis.call('ZADD', K[2], seq, A[1])
          redis.call('INCR', K[4])
        end

        local function follow(K, A)
          local f, t = K[1], tonumber(A[2])
          if t > num(redis.call('HGET', f, 'lastInteractionAt')) then redis.call('HSET', f, 'lastInteractionAt', t) end
          local first = num(redis.call('HGET', f, 'firstSubscribedAt'))
          if first == 0 or t < first then redis.call('HSET', f, 'firstSubscribedAt', t) end
          if t < num(redis.call('HGET', f, 'lastEventAt')) then return 0 end
          redis.call('HSET', f, 'lastEventAt', t, 'lastSubscribedAt', t)
          if A[3] ~= '' then redis.call('HSET', f, 'scene', A[3]) end
          if redis.call('HGET', f, 'status') == 'active' then return 1 end
          activate(K, A, f)
          redis.call('HINCRBY', K[5], 'follows', 1)
          redis.call('EXPIRE', K[5], A[7])
          if A[3] ~= '' then redis.call('HINCRBY', K[6], A[3], 1) end
          return 2
        end

        local function unfollow(K, A)
          local f, t = K[1], tonumber(A[2])
          if t < num(redis.call('HGET', f, 'lastEventAt')) then return 0 end
          local wasActive = redis.call('HGET', f, 'status') == 'active'
          redis.call('HSET', f, 'lastEventAt', t, 'unsubscribedAt', t, 'status', 'inactive')
          redis.call('HSETNX', f, 'pushEnabled', '1')
          if not wasActive then return 1 end
          redis.call('ZREM', K[2], A[1])
          redis.call('DECR', K[4])
          redis.call('HINCRBY', K[5], 'unfollows', 1)
          redis.call('EXPIRE', K[5], A[7])
          return 3
        end

        -- Any other interaction. Only followers can message the account or use its menu, so an interaction
        -- newer than the last unfollow (or from someone never seen) proves a follow whose event we missed.
        local function touch(K, A)
          local f, t = K[1], tonumber(A[2])
          local change = 1
          if redis.call('HGET', f, 'status') ~= 'active' and t > num(redis.call('HGET', f, 'lastEventAt')) then
            activate(K, A, f)
            redis.call('HSET', f, 'lastEventAt', t)
            change = 2
          end
          if t > num(redis.call('HGET', f, 'lastInteractionAt')) then redis.call('HSET', f, 'lastInteractionAt', t) end
          if A[4] ~= '' then
            redis.call('HSET', f, 'lastScanScene', A[4], 'lastScanAt', t)
            redis.call('HINCRBY', K[7], A[4], 1)
          end
          if A[5] ~= '' and t >= num(redis.call('HGET', f, 'pushChangedAt')) then
            redis.call('HSET', f, 'pushEnabled', A[5], 'pushChangedAt', t)
          end
          if A[6] ~= '' then redis.call('HSET', f, 'sections', string.sub(A[6], 2)) end
          return change
        end

        local operations = { follow = follow, unfollow = unfollow, touch = touch }

        local function apply(op, K, A)
          local operation = operations[op]
          if operation then return operation(K, A) end
          return 1
        end

        local function slice(t, from)
          local r = {}
          for i = from, #t do r[#r + 1] = t[i] end
          return r
        end
        """;

    /// <summary>ARGV[1] = operation, then the layout above in KEYS[1..7], ARGV[2..8].</summary>
    public const string Apply = Library + """

        return apply(ARGV[1], KEYS, slice(ARGV, 2))
        """;
}
