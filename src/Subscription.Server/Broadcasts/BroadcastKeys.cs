using StackExchange.Redis;

namespace Subscription.Server.Broadcasts;

/// <summary>
/// The broadcast key families. Each broadcast's ledger shares one hash tag, so its scripts touch one slot; the
/// index of broadcasts, the one-send guards and the mass job lookup share another.
/// </summary>
public sealed class BroadcastKeys(string prefix)
{
    private readonly string _root = prefix + "{broadcasts}:";

    /// <summary>Sorted set of broadcast ids by creation time (ms).</summary>
    public RedisKey Index => _root + "index";

    /// <summary>Set of broadcasts not yet final, which the watchdog keeps going.</summary>
    public RedisKey Open => _root + "open";

    /// <summary>String with a lease: the instance doing this round of the watchdog.</summary>
    public RedisKey WatchdogRound => _root + "watchdog";

    /// <summary>String → broadcast id: the one mass send of an issue to an audience, or the one resend of a broadcast's failures.</summary>
    public RedisKey Guard(string name) => _root + "guard:" + name;

    /// <summary>String → "broadcastId chunk": which chunk a mass job id belongs to, for MASSSENDJOBFINISH.</summary>
    public RedisKey MassJob(long msgId) => _root + "mass:" + msgId;

    /// <summary>Hash "yyyyMMdd" / "yyyyMM" → mass sends that day / month (§1 allowances).</summary>
    public RedisKey MassUsage => _root + "usage";

    public LedgerKeys Ledger(string id) => new(prefix, id);
}

/// <summary>One broadcast's ledger, all under the tag {bc:id}.</summary>
public sealed class LedgerKeys(string prefix, string id)
{
    private readonly string _root = $"{prefix}{{bc:{id}}}:";

    /// <summary>Hash: definition, state, reason, times, planning cursor and chunk counts.</summary>
    public RedisKey Meta => _root + "meta";

    /// <summary>Hash: sent, skipped, failed, skipped:reason, failed:errcode, and the mass job results WeChat reported.</summary>
    public RedisKey Counts => _root + "counts";

    /// <summary>
    /// Hash: per chunk "n:pos" (the first member who may still need a send: every member before it has an outcome),
    /// "n:done", "n:job" (Hangfire id), "n:msg" (mass job id); for a chunk that is a slice of the audience, "n:from"
    /// (exclusive) and "n:to" (inclusive) scores, and for one planned as a slice only, "n:count" (its size when cut;
    /// 0 for the rest split off a slice), "n:rest" (the chunk split off it) and "n:none" (settled with fewer than two
    /// to send to).
    /// </summary>
    public RedisKey Chunks => _root + "chunks";

    /// <summary>List: the openids of chunk n, as snapshotted (every chunk but a mass one planned as a slice of the audience).</summary>
    public RedisKey Chunk(int n) => _root + "chunk:" + n;

    /// <summary>String with a lease: the chunk job working on chunk n.</summary>
    public RedisKey Lease(int n) => _root + "lease:" + n;

    /// <summary>Hash openid → outcome: "p:token@ms" in flight (first claimed at ms), "s:msgid" sent (":delivered" once WeChat confirms), "k:reason" skipped, "f:errcode" failed.</summary>
    public RedisKey Outcomes => _root + "out";

    /// <summary>Set: the openids already planned, for an audience read with HSCAN, which may return one twice.</summary>
    public RedisKey Members => _root + "members";
}
