using StackExchange.Redis;

namespace Subscription.Server.Subscribers;

/// <summary>
/// The subscriber key family. Every key shares one hash tag, so the Lua scripts that change a follower,
/// the audience and the counters together stay valid on a Redis Cluster (they all live in one slot).
/// The callback's nonces and deliveries live in the same slot, so that a callback is one atomic script.
/// </summary>
/// <remarks>The fixed keys are built once: every callback names six of them.</remarks>
public sealed class SubscriberKeys(string prefix)
{
    private const string Tag = "{subscribers}:";

    private readonly string _root = prefix + Tag;

    public RedisKey Follower(string openId) => _root + "f:" + openId;

    /// <summary>
    /// Sorted set of active followers, scored by a per-follower sequence so it pages with a cursor; its size is the
    /// active count.
    /// </summary>
    public RedisKey Audience { get; } = prefix + Tag + "audience";

    public RedisKey Sequence { get; } = prefix + Tag + "seq";

    /// <summary>Hash of follows/unfollows for one local day (yyyyMMdd).</summary>
    public RedisKey Daily(string day) => _root + "daily:" + day;

    /// <summary>Hash scene → follows that came through that QR scene.</summary>
    public RedisKey FollowScenes { get; } = prefix + Tag + "scenes";

    /// <summary>Hash scene → scans by people who already followed.</summary>
    public RedisKey ScanScenes { get; } = prefix + Tag + "scans";

    /// <summary>
    /// Set of the followers who turned digest pushes off (their record's pushEnabled is "0"), so a broadcast
    /// checks a whole batch with one SMISMEMBER next to one ZMSCORE on the audience, instead of reading each record.
    /// </summary>
    public RedisKey OptedOut { get; } = prefix + Tag + "optout";

    /// <summary>String: set once <see cref="OptedOut"/> holds every opted-out follower, including those recorded before it existed.</summary>
    public RedisKey OptedOutReady { get; } = prefix + Tag + "optout:ready";

    /// <summary>String with a lease: the instance back-filling <see cref="OptedOut"/>.</summary>
    public RedisKey OptedOutLease { get; } = prefix + Tag + "optout:lock";

    /// <summary>Hash: the follower sync's state and cursor, so a crashed sync resumes where it was.</summary>
    public RedisKey Sync { get; } = prefix + Tag + "sync";

    /// <summary>String with a lease: the instance running the follower sync.</summary>
    public RedisKey SyncLock { get; } = prefix + Tag + "sync:lock";

    /// <summary>
    /// String (JSON): the followers a mass broadcast's slice sends to, how many it read and where it ends, fixed at its
    /// first attempt so that every retry sends the same list.
    /// </summary>
    public RedisKey Slice(string broadcastId, int chunk) => $"{_root}slice:{broadcastId}:{chunk}:fixed";

    /// <summary>String: the hash of the body first seen with a callback nonce (replay protection).</summary>
    public RedisKey Nonce(string nonce) => _root + "nonce:" + nonce;

    /// <summary>String: the reply given to a delivery, so WeChat's retries get the same one.</summary>
    public RedisKey Delivery(string deduplicationKey) => _root + "delivery:" + deduplicationKey;
}
