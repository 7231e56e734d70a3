namespace Subscription.Server.Broadcasts;

/// <summary>
/// The ledger's Lua scripts. Each touches one broadcast's keys (one hash tag) and is atomic, so a crash
/// between two scripts leaves a state the next run can continue from, never a half-applied step. The set of open
/// broadcasts lives in another slot: a script that makes a broadcast final says so, and the ledger then takes it
/// out of that set (the watchdog does it for one left behind by a crash).
/// </summary>
internal static partial class BroadcastScripts
{
    // complete(meta, now ms): a running broadcast, fully planned, with every chunk done becomes completed. True when it did.
    private const string Completion = """
        local function complete(meta, now)
          local m = redis.call('HMGET', meta, 'planned', 'done', 'chunks', 'state')
          if m[1] == '1' and tonumber(m[2]) >= tonumber(m[3]) and m[4] == 'running' then
            redis.call('HSET', meta, 'state', 'completed', 'finished', now)
            return true
          end
          return false
        end
        """;

    // count_outcome(outcome) tallies one follower's recorded outcome, "s:msgid", "f:errcode" or "k:reason";
    // flush_counts(counts) adds the tally to the counts with one HINCRBY a field, not one a follower. A script that
    // counts flushes before it returns.
    private const string CountOutcome = """
        local tally = {}
        local function add(field) tally[field] = (tally[field] or 0) + 1 end
        local function count_outcome(outcome)
          local kind, detail = string.sub(outcome, 1, 1), string.sub(outcome, 3)
          if kind == 's' then add('sent')
          elseif kind == 'f' then add('failed'); add('failed:' .. detail)
          else add('skipped'); add('skipped:' .. detail) end
        end
        local function flush_counts(counts)
          for field, n in pairs(tally) do redis.call('HINCRBY', counts, field, n) end
        end

        """;

    // is_final(state): completed, cancelled or failed; its state changes no more.
    private const string FinalStates = """

        local function is_final(state)
          return state == 'completed' or state == 'cancelled' or state == 'failed'
        end

        """;

    // KEYS: meta. ARGV: action, reason, now ms, and for a pause the time (ms) it resumes by itself, or ''.
    // Returns the state after the action, or "!" .. state when the action does not apply to the current state.
    // A resume completes a broadcast whose last chunk (or planning) finished while it was paused.
    public const string Transition = Completion + FinalStates + """

        local state = redis.call('HGET', KEYS[1], 'state')
        if not state then return '!missing' end
        local action, reason, now = ARGV[1], ARGV[2], ARGV[3]
        local function finish(to)
          redis.call('HSET', KEYS[1], 'state', to, 'finished', now)
          if reason ~= '' then redis.call('HSET', KEYS[1], 'reason', reason) end
          return to
        end
        if action == 'start' then
          if state ~= 'scheduled' then return '!' .. state end
          redis.call('HSET', KEYS[1], 'state', 'running', 'started', now, 'reason', '')
          return 'running'
        elseif action == 'pause' then
          if state ~= 'scheduled' and state ~= 'running' then return '!' .. state end
          redis.call('HSET', KEYS[1], 'state', 'paused', 'reason', reason, 'resumeAt', ARGV[4] or '')
          return 'paused'
        elseif action == 'resume' then
          if state ~= 'paused' then return '!' .. state end
          redis.call('HSET', KEYS[1], 'state', 'running', 'reason', '', 'resumeAt', '')
          if (redis.call('HGET', KEYS[1], 'started') or '') == '' then redis.call('HSET', KEYS[1], 'started', now) end
          if complete(KEYS[1], now) then return 'completed' end
          return 'running'
        elseif action == 'cancel' then
          if is_final(state) then return '!' .. state end
          return finish('cancelled')
        elseif action == 'fail' then
          if is_final(state) then return '!' .. state end
          return finish('failed')
        end
        return '!' .. state
        """;

    // KEYS: meta, chunk list being filled, members (dedupe set, used when ARGV[5] == '1'), chunks.
    // ARGV: expected cursor, new cursor, chunk index, chunk size, dedupe flag, openids…
    // Appends one page of the audience to the open chunk, idempotently: a page whose cursor was already
    // applied (a second planner, a retry) changes nothing. Returns 1 when the chunk filled up (it is closed),
    // 0 when it is still open, -1 when the cursor moved on, -2 when the chunk index is stale, -3 when the
    // broadcast is final (cancelled or failed while planned, or completed: its plan is tidied away and must not
    // grow again).
    // Pages of the audience itself (no dedupe) also widen the chunk's score range, "n:from" (exclusive) to
    // "n:to" (inclusive, 'end' = open): a mass chunk checks its members against that slice of the audience.
    public const string PlanAppend = FinalStates + """
        local meta = KEYS[1]
        local state = redis.call('HGET', meta, 'state')
        if is_final(state) then return -3 end
        if redis.call('HGET', meta, 'cursor') ~= ARGV[1] then return -1 end
        local n = tonumber(redis.call('HGET', meta, 'pchunk'))
        if n ~= tonumber(ARGV[3]) then return -2 end
        local added = 0
        if ARGV[5] == '1' then
          local batch = {}
          for i = 6, #ARGV do
            if redis.call('SADD', KEYS[3], ARGV[i]) == 1 then
              batch[#batch + 1] = ARGV[i]
              if #batch == 1000 then redis.call('RPUSH', KEYS[2], unpack(batch)); added = added + #batch; batch = {} end
            end
          end
          if #batch > 0 then redis.call('RPUSH', KEYS[2], unpack(batch)); added = added + #batch end
        else
          -- A page of the audience holds no repeats: pushed straight from the arguments, which halves the
          -- script's time on a page of thousands.
          for i = 6, #ARGV, 1000 do redis.call('RPUSH', KEYS[2], unpack(ARGV, i, math.min(i + 999, #ARGV))) end
          added = #ARGV - 5
        end
        if added > 0 and ARGV[5] ~= '1' then
          redis.call('HSETNX', KEYS[4], n .. ':from', ARGV[1])
          redis.call('HSET', KEYS[4], n .. ':to', ARGV[2])
        end
        redis.call('HINCRBY', meta, 'audience', added)
        redis.call('HSET', meta, 'cursor', ARGV[2])
        local pcount = tonumber(redis.call('HGET', meta, 'pcount')) + added
        if pcount >= tonumber(ARGV[4]) then
          redis.call('HSET', meta, 'pchunk', n + 1, 'pcount', 0, 'chunks', n + 1)
          return 1
        end
        redis.call('HSET', meta, 'pcount', pcount)
        return 0
        """;

    // KEYS: meta, open chunk list, previous chunk list. ARGV: expected cursor, smallest last chunk, now ms.
    // Closes planning: the open chunk (if any) becomes the last one; a last chunk smaller than allowed takes a
    // member from the one before (mass/send needs two openids). Completes at once when nothing is left to send.
    // Returns { number of chunks, 1 if that completed the broadcast }, { -1, 0 } when the cursor moved on, or
    // { -3, 0 } when the broadcast is final.
    public const string PlanFinish = Completion + FinalStates + """

        local meta = KEYS[1]
        if redis.call('HGET', meta, 'planned') == '1' then return { tonumber(redis.call('HGET', meta, 'chunks')), 0 } end
        local state = redis.call('HGET', meta, 'state')
        if is_final(state) then return { -3, 0 } end
        if redis.call('HGET', meta, 'cursor') ~= ARGV[1] then return { -1, 0 } end
        local n = tonumber(redis.call('HGET', meta, 'pchunk'))
        local pcount = tonumber(redis.call('HGET', meta, 'pcount'))
        local chunks = n
        if pcount > 0 then
          if pcount < tonumber(ARGV[2]) and n > 0 then
            redis.call('LPUSH', KEYS[2], redis.call('RPOP', KEYS[3]))
          end
          chunks = n + 1
        end
        redis.call('HSET', meta, 'planned', '1', 'chunks', chunks, 'pcount', 0)
        return { chunks, complete(meta, ARGV[3]) and 1 or 0 }
        """;

    // KEYS: meta, chunks, lease. ARGV: chunk, now ms, lease token.
    // Marks a chunk done (once) and completes the broadcast when it was the last; releases the lease. A chunk of
    // a cancelled or failed broadcast is not marked: its list may be gone, tidied away, not sent.
    public const string ChunkDone = Completion + """

        local state = redis.call('HGET', KEYS[1], 'state')
        if state ~= 'cancelled' and state ~= 'failed' and redis.call('HSETNX', KEYS[2], ARGV[1] .. ':done', '1') == 1 then
          redis.call('HINCRBY', KEYS[1], 'done', 1)
        end
        if redis.call('GET', KEYS[3]) == ARGV[3] then redis.call('DEL', KEYS[3]) end
        if complete(KEYS[1], ARGV[2]) then return 1 end
        return 0
        """;

    // KEYS: chunks, counts, meta. ARGV: chunk, msgid, members, skipped, already sent ('1'/'0'), now (ms), audience change.
    // Records a mass job for a chunk once: the chunk's job id, when it was sent (mass/get asks about it later if
    // no result comes) and its counts. A slice's audience is known only now: the change corrects what planning
    // counted. Returns 1 when recorded now.
    public const string MassSent = """
        if redis.call('HSETNX', KEYS[1], ARGV[1] .. ':msg', ARGV[2]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1] .. ':members', ARGV[3], ARGV[1] .. ':dup', ARGV[5], ARGV[1] .. ':sentAt', ARGV[6])
        redis.call('HINCRBY', KEYS[2], 'sent', tonumber(ARGV[3]))
        if tonumber(ARGV[4]) > 0 then
          redis.call('HINCRBY', KEYS[2], 'skipped', tonumber(ARGV[4]))
          redis.call('HINCRBY', KEYS[2], 'skipped:unsubscribed', tonumber(ARGV[4]))
        end
        if tonumber(ARGV[7]) ~= 0 then redis.call('HINCRBY', KEYS[3], 'audience', tonumber(ARGV[7])) end
        return 1
        """;

    // KEYS: outcomes, counts. ARGV: openid, msgid, status.
    // TEMPLATESENDJOBFINISH: a follower recorded as sent with this msgid is confirmed ("s:msgid:delivered"), or,
    // if WeChat could not reach them, becomes a failure with WeChat's status. A repeated event changes nothing.
    // Returns 1 when the event belonged to this broadcast.
    public const string TemplateFinished = """
        local current = redis.call('HGET', KEYS[1], ARGV[1])
        if current == 's:' .. ARGV[2] .. ':delivered' or current == 'f:' .. ARGV[3] then return 1 end
        if current ~= 's:' .. ARGV[2] then return 0 end
        redis.call('HINCRBY', KEYS[2], 'reported:' .. ARGV[3], 1)
        if ARGV[3] == 'success' then
          redis.call('HSET', KEYS[1], ARGV[1], current .. ':delivered')
        else
          redis.call('HSET', KEYS[1], ARGV[1], 'f:' .. ARGV[3])
          redis.call('HINCRBY', KEYS[2], 'sent', -1)
          redis.call('HINCRBY', KEYS[2], 'failed', 1)
          redis.call('HINCRBY', KEYS[2], 'failed:' .. ARGV[3], 1)
        end
        return 1
        """;

    // KEYS: chunks, counts. ARGV: chunk, status, total, filtered, sent, errors.
    // MASSSENDJOBFINISH (or mass/get, which has a status but no counts): WeChat's result for a chunk's job,
    // recorded once, as jobs by status and WeChat's counts.
    public const string MassFinished = """
        if redis.call('HSETNX', KEYS[1], ARGV[1] .. ':status', ARGV[2]) == 0 then return 0 end
        redis.call('HINCRBY', KEYS[2], 'reported:jobs:' .. ARGV[2], 1)
        redis.call('HINCRBY', KEYS[2], 'reported:total', tonumber(ARGV[3]))
        redis.call('HINCRBY', KEYS[2], 'reported:filtered', tonumber(ARGV[4]))
        redis.call('HINCRBY', KEYS[2], 'reported:sent', tonumber(ARGV[5]))
        redis.call('HINCRBY', KEYS[2], 'reported:errors', tonumber(ARGV[6]))
        return 1
        """;
}
