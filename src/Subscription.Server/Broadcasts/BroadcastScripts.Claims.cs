namespace Subscription.Server.Broadcasts;

/// <summary>The ledger's scripts for per-follower channels: claiming a batch of followers and recording their outcomes.</summary>
internal static partial class BroadcastScripts
{
    // A follower being sent to holds a claim "p:" .. token .. "@" .. ms: the job's token and when the follower was
    // first claimed, carried over when a later job claims them again (an earlier build's job wrote "p:" .. token).
    // is_mine(claim, mine): the claim starts with mine, "p:" .. token .. "@", so it is this job's.
    // A batch is read with one HMGET and written with one HSET and one HDEL, not a call a follower: read_batch gives
    // the openids in ARGV from index first in steps of two, and their outcomes (false: none); a script keeps what it
    // writes in a table (false: deleted), reads that first, so an openid twice in a batch is seen as written the
    // first time, and passes it to write_batch.
    private const string Claims = """
        local function is_mine(claim, mine)
          return string.find(claim, mine, 1, true) == 1
        end
        local function read_batch(outcomes, first)
          local ids = {}
          for i = first, #ARGV, 2 do ids[#ids + 1] = ARGV[i] end
          if #ids == 0 then return ids, {} end
          return ids, redis.call('HMGET', outcomes, unpack(ids))
        end
        local function current_of(written, stored, n, id)
          local value = written[id]
          if value == nil then return stored[n] end
          return value
        end
        local function write_batch(outcomes, written)
          local set, gone = {}, {}
          for id, value in pairs(written) do
            if value then set[#set + 1] = id; set[#set + 1] = value else gone[#gone + 1] = id end
          end
          if #set > 0 then redis.call('HSET', outcomes, unpack(set)) end
          if #gone > 0 then redis.call('HDEL', outcomes, unpack(gone)) end
        end

        """;

    // KEYS: meta, outcomes, counts, lease. ARGV: token, now (ms), retry window (ms), then pairs (openid, skip reason or '').
    // Claims a batch for sending. Returns { state, code per follower }: 's' .. ms claimed for sending now, 'r' .. ms
    // claimed from an earlier job, whose attempt may have reached them (ms: when first claimed), 'd' already has an
    // outcome, 'k' skipped now with its reason, 'u' failed "unconfirmed" now: claimed by an earlier job longer ago
    // than the window inside which WeChat de-duplicates a repeat, so sending again could deliver twice. A claim
    // from an earlier build, which has no time, is taken as made now.
    // Nothing is claimed unless the broadcast is running and this token holds the chunk's lease.
    public const string Claim = CountOutcome + Claims + """
        local state = redis.call('HGET', KEYS[1], 'state')
        if state ~= 'running' then return { state } end
        if redis.call('GET', KEYS[4]) ~= ARGV[1] then return { 'lease' } end
        local token, now, window = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
        local mine = 'p:' .. token .. '@'
        local fresh, sent_now = mine .. now, 's' .. now
        local codes = { 'running' }
        local ids, stored = read_batch(KEYS[2], 4)
        local written = {}
        for n, id in ipairs(ids) do
          local skip = ARGV[3 + 2 * n]
          local current = current_of(written, stored, n, id)
          if current and is_mine(current, mine) then codes[#codes + 1] = 'd'
          elseif current and string.sub(current, 1, 2) == 'p:' then
            local since = tonumber(string.match(current, '@(%d+)$')) or now
            if now - since <= window then
              written[id] = mine .. since
              codes[#codes + 1] = 'r' .. since
            else
              written[id] = 'f:unconfirmed'
              count_outcome('f:unconfirmed')
              codes[#codes + 1] = 'u'
            end
          elseif current then codes[#codes + 1] = 'd'
          elseif skip ~= '' then
            written[id] = 'k:' .. skip
            count_outcome('k:' .. skip)
            codes[#codes + 1] = 'k'
          else
            written[id] = fresh
            codes[#codes + 1] = sent_now
          end
        end
        write_batch(KEYS[2], written)
        flush_counts(KEYS[3])
        return codes
        """;

    // KEYS: outcomes, counts, chunks, lease. ARGV: token, chunk, next position ('' = keep), lease ms, then pairs
    // (openid, outcome): "s:msgid", "f:errcode", "k:reason", or "-" to give an unsent claim back. An outcome is
    // recorded only over this token's claim, so each follower is counted once. The position moves on only while
    // the lease is held. Returns 1 if the lease is still held.
    public const string Record = CountOutcome + Claims + """
        local mine = 'p:' .. ARGV[1] .. '@'
        local ids, stored = read_batch(KEYS[1], 5)
        local written = {}
        for n, id in ipairs(ids) do
          local outcome = ARGV[4 + 2 * n]
          local current = current_of(written, stored, n, id)
          if current and is_mine(current, mine) then
            if outcome == '-' then
              written[id] = false
            else
              written[id] = outcome
              count_outcome(outcome)
            end
          end
        end
        write_batch(KEYS[1], written)
        flush_counts(KEYS[2])
        if redis.call('GET', KEYS[4]) ~= ARGV[1] then return 0 end
        if ARGV[3] ~= '' then redis.call('HSET', KEYS[3], ARGV[2] .. ':pos', ARGV[3]) end
        redis.call('PEXPIRE', KEYS[4], ARGV[4])
        return 1
        """;
}
