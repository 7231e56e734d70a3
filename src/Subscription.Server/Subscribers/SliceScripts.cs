namespace Subscription.Server.Subscribers;

/// <summary>Lua for the slices of the audience a mass broadcast sends to, in the subscribers' slot.</summary>
internal static class SliceScripts
{
    // KEYS: audience, opted out, slice list, slice cut. ARGV: after (exclusive score), through (inclusive), most, ttl ms.
    // Fixes what a slice sends to, once: its first <most> followers by score who do not decline pushes, where it ends
    // if it holds more, and how many it read. Every later call returns what the first fixed.
    // Returns { cut ("rest:read"), followers… }.
    public const string Fix = """
        local cut = redis.call('GET', KEYS[4])
        if cut then
          local fixed = redis.call('LRANGE', KEYS[3], 0, -1)
          table.insert(fixed, 1, cut)
          return fixed
        end
        local most = tonumber(ARGV[3])
        local members = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], ARGV[2], 'LIMIT', 0, most + 1)
        local read = #members
        local rest = ''
        if read > most then
          members[read] = nil
          read = most
          rest = redis.call('ZSCORE', KEYS[1], members[most])
        end
        local kept = members
        if redis.call('SCARD', KEYS[2]) > 0 then
          kept = {}
          for i = 1, read, 1000 do
            local part = { unpack(members, i, math.min(i + 999, read)) }
            local declined = redis.call('SMISMEMBER', KEYS[2], unpack(part))
            for j = 1, #part do
              if declined[j] == 0 then kept[#kept + 1] = part[j] end
            end
          end
        end
        for i = 1, #kept, 1000 do redis.call('RPUSH', KEYS[3], unpack(kept, i, math.min(i + 999, #kept))) end
        cut = rest .. ':' .. read
        redis.call('SET', KEYS[4], cut, 'PX', ARGV[4])
        if #kept > 0 then redis.call('PEXPIRE', KEYS[3], ARGV[4]) end
        -- Not { cut, unpack(kept) }: unpack stops at a few thousand values.
        table.insert(kept, 1, cut)
        return kept
        """;
}
