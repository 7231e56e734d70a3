namespace Subscription.Server.Broadcasts;

/// <summary>The ledger's scripts for a mass plan cut into slices of the audience.</summary>
internal static partial class BroadcastScripts
{
    // KEYS: meta, chunks. ARGV: expected cursor, the slice's last score, its size, chunk index.
    // Plans one mass chunk as a slice of the audience, "n:from" (exclusive) to "n:to" (inclusive), with "n:count"
    // followers when it was cut; its members are fixed when it is first sent. Idempotent like PlanAppend, with its codes.
    public const string PlanSlice = FinalStates + """
        local meta = KEYS[1]
        if is_final(redis.call('HGET', meta, 'state')) then return -3 end
        if redis.call('HGET', meta, 'cursor') ~= ARGV[1] then return -1 end
        local n = tonumber(redis.call('HGET', meta, 'pchunk'))
        if n ~= tonumber(ARGV[4]) then return -2 end
        redis.call('HSET', KEYS[2], n .. ':from', ARGV[1], n .. ':to', ARGV[2], n .. ':count', ARGV[3])
        redis.call('HINCRBY', meta, 'audience', tonumber(ARGV[3]))
        redis.call('HSET', meta, 'cursor', ARGV[2], 'pchunk', n + 1, 'pcount', 0, 'chunks', n + 1)
        return 1
        """;

    // KEYS: chunks, counts, meta, outcomes, the chunk's lease. ARGV: lease token, chunk, skipped, audience change,
    // and, if one follower who takes pushes is left, their openid and outcome.
    // Settles once a slice with fewer than two followers left to send to, which mass/send refuses (40130): the lone
    // follower's outcome is what the sender got for them another way. Only under the lease, so that no other job
    // can have read the slice meanwhile and sent it as a mass job. Returns 1 when settled now, 0 when it already
    // was, -1 when the lease was lost.
    public const string SliceUnsendable = CountOutcome + """
        if redis.call('GET', KEYS[5]) ~= ARGV[1] then return -1 end
        if redis.call('HSETNX', KEYS[1], ARGV[2] .. ':none', '1') == 0 then return 0 end
        if tonumber(ARGV[3]) > 0 then
          redis.call('HINCRBY', KEYS[2], 'skipped', tonumber(ARGV[3]))
          redis.call('HINCRBY', KEYS[2], 'skipped:unsubscribed', tonumber(ARGV[3]))
        end
        if tonumber(ARGV[4]) ~= 0 then redis.call('HINCRBY', KEYS[3], 'audience', tonumber(ARGV[4])) end
        if ARGV[5] then
          redis.call('HSET', KEYS[4], ARGV[5], ARGV[6])
          count_outcome(ARGV[6])
          flush_counts(KEYS[2])
        end
        return 1
        """;

    // KEYS: meta, chunks, the chunk's lease. ARGV: chunk, the score its first part ends at, lease token.
    // Splits a slice that holds more than a chunk (followers who came back since planning keep their place): the
    // chunk keeps its first part and the rest becomes a new chunk, numbered next. A planner still at work moves on
    // to the number after it. Once only: a second call returns the chunk the first made. Returns the new chunk's
    // number, or -1 when the lease was lost.
    public const string SplitSlice = """
        if redis.call('GET', KEYS[3]) ~= ARGV[3] then return -1 end
        local n = ARGV[1]
        local made = redis.call('HGET', KEYS[2], n .. ':rest')
        if made then return tonumber(made) end
        local to = redis.call('HGET', KEYS[2], n .. ':to')
        local m
        if redis.call('HGET', KEYS[1], 'planned') == '1' then
          m = tonumber(redis.call('HGET', KEYS[1], 'chunks'))
          redis.call('HSET', KEYS[1], 'chunks', m + 1)
        else
          m = tonumber(redis.call('HGET', KEYS[1], 'pchunk'))
          redis.call('HSET', KEYS[1], 'pchunk', m + 1, 'chunks', m + 1)
        end
        redis.call('HSET', KEYS[2], m .. ':from', ARGV[2], m .. ':to', to, m .. ':count', 0, n .. ':to', ARGV[2], n .. ':rest', m)
        return m
        """;
}
