namespace Subscription.Server.Subscribers;

/// <summary>
/// Lua that applies one event to a follower atomically. "lastEventAt" holds the CreateTime of the last
/// applied follow/unfollow, so an older event delivered late cannot undo a newer one. Counters move only
/// on a status transition, which makes a re-applied event harmless.
/// Every function takes the same layout (see <see cref="SubscriberChange"/>):
/// K = follower, audience, seq, daily, follow scenes, scan scenes, opted out;
/// A = openid, createTime, scene, scan scene, push ('', '0', '1'), sections ('' unchanged, '=a,b', '=' all), daily ttl.
/// Results: 0 stale, 1 unchanged, 2 activated, 3 deactivated (<see cref="FollowerChange"/>).
/// </summary>
internal static class SubscriberScripts
{
    // Each operation reads the record once (HMGET) and writes it once (HSET): every redis.call inside a
    // script costs far more than the Lua around it.
    public const string Library = """
        local unpack = table.unpack or unpack
        local fields = { 'status', 'seq', 'pushEnabled', 'lastEventAt', 'lastInteractionAt', 'firstSubscribedAt', 'pushChangedAt' }

        local function load(f)
          local v = redis.call('HMGET', f, unpack(fields))
          local r = {}
          for i, name in ipairs(fields) do r[name] = v[i] end
          return r
        end

        local function num(v) return tonumber(v or '0') end

        local function save(f, w)
          if #w > 0 then redis.call('HSET', f, unpack(w)) end
        end

        local function put(w, name, value)
          w[#w + 1] = name
          w[#w + 1] = value
        end

        -- A day's counters expire with the day; the expiry is set when the first count creates them.
        local function count(day, field, ttl)
          if redis.call('HINCRBY', day, field, 1) == 1 then redis.call('EXPIRE', day, ttl) end
        end

        local function activate(K, A, r, w)
          local seq = r.seq
          if not seq then
            seq = redis.call('INCR', K[3])
            put(w, 'seq', seq)
          end
          put(w, 'status', 'active')
          if not r.pushEnabled then put(w, 'pushEnabled', '1') end
          redis.call('ZADD', K[2], seq, A[1])
        end

        local function follow(K, A)
          local f, t = K[1], tonumber(A[2])
          local r, w = load(f), {}
          if t > num(r.lastInteractionAt) then put(w, 'lastInteractionAt', t) end
          local first = num(r.firstSubscribedAt)
          if first == 0 or t < first then put(w, 'firstSubscribedAt', t) end
          if t < num(r.lastEventAt) then
            save(f, w)
            return 0
          end
          put(w, 'lastEventAt', t)
          put(w, 'lastSubscribedAt', t)
          if A[3] ~= '' then put(w, 'scene', A[3]) end
          if r.status == 'active' then
            save(f, w)
            return 1
          end
          activate(K, A, r, w)
          save(f, w)
          count(K[4], 'follows', A[7])
          if A[3] ~= '' then redis.call('HINCRBY', K[5], A[3], 1) end
          return 2
        end

        local function unfollow(K, A)
          local f, t = K[1], tonumber(A[2])
          local r = load(f)
          if t < num(r.lastEventAt) then return 0 end
          local w = { 'lastEventAt', t, 'unsubscribedAt', t, 'status', 'inactive' }
          if not r.pushEnabled then put(w, 'pushEnabled', '1') end
          save(f, w)
          if r.status ~= 'active' then return 1 end
          redis.call('ZREM', K[2], A[1])
          count(K[4], 'unfollows', A[7])
          return 3
        end

        -- Any other interaction. Only followers can message the account or use its menu, so an interaction
        -- newer than the last unfollow (or from someone never seen) proves a follow whose event we missed.
        local function touch(K, A)
          local f, t = K[1], tonumber(A[2])
          local r, w = load(f), {}
          local change = 1
          if r.status ~= 'active' and t > num(r.lastEventAt) then
            activate(K, A, r, w)
            put(w, 'lastEventAt', t)
            change = 2
          end
          if t > num(r.lastInteractionAt) then put(w, 'lastInteractionAt', t) end
          if A[4] ~= '' then
            put(w, 'lastScanScene', A[4])
            put(w, 'lastScanAt', t)
            redis.call('HINCRBY', K[6], A[4], 1)
          end
          if A[5] ~= '' and t >= num(r.pushChangedAt) then
            put(w, 'pushEnabled', A[5])
            put(w, 'pushChangedAt', t)
            if A[5] == '0' then redis.call('SADD', K[7], A[1]) else redis.call('SREM', K[7], A[1]) end
          end
          if A[6] ~= '' then put(w, 'sections', string.sub(A[6], 2)) end
          save(f, w)
          return change
        end

        local operations = { follow = follow, unfollow = unfollow, touch = touch }

        local function apply(op, K, A)
          local operation = operations[op]
          if operation then return operation(K, A) end
          return 1
        end

        local function slice(t, from, to)
          local r = {}
          for i = from, to or #t do r[#r + 1] = t[i] end
          return r
        end
        """;

    /// <summary>ARGV[1] = operation, then the layout above in KEYS[1..8], ARGV[2..8].</summary>
    public const string Apply = Library + """

        return apply(ARGV[1], KEYS, slice(ARGV, 2))
        """;
}
