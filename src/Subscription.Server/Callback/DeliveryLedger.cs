using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Subscription.Server.Storage;
using Subscription.Server.Subscribers;

namespace Subscription.Server.Callback;

public enum DeliveryOutcome
{
    /// <summary>First delivery: the change was applied and its reply kept.</summary>
    Applied,
    /// <summary>WeChat retrying a delivery already applied: nothing changed, the first reply is returned.</summary>
    Retried,
    /// <summary>The nonce was used inside the window for a different body.</summary>
    Replayed,
}

public readonly record struct DeliveryResult(DeliveryOutcome Outcome, string? ReplyXml);

/// <summary>
/// Records a callback in one atomic script: the replay check on its nonce, the retry check on its delivery
/// key, the follower's change, and the reply a retry must get again. One round trip, and no state in which
/// a crash could leave a delivery claimed but not applied.
/// </summary>
public sealed class DeliveryLedger(RedisStore store, SubscriberStore subscribers, IOptions<CallbackOptions> options)
{
    // KEYS: nonce, delivery, then the subscriber layout. ARGV: body hash, nonce ttl ms, delivery ttl ms,
    // reply ('' = success), operation, then the subscriber layout.
    private const string Script = SubscriberScripts.Library + """

        local seen = redis.call('GET', KEYS[1])
        if seen and seen ~= ARGV[1] then return {'replayed'} end
        if not seen then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
        local previous = redis.call('GET', KEYS[2])
        if previous then return {'retried', previous} end
        apply(ARGV[5], slice(KEYS, 3), slice(ARGV, 6))
        redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[3])
        return {'applied', ARGV[4]}
        """;

    private readonly long _nonceTtl = (long)(options.Value.TimestampTolerance * 2).TotalMilliseconds;
    private readonly long _deliveryTtl = (long)options.Value.DedupeTtl.TotalMilliseconds;

    public async Task<DeliveryResult> RecordAsync(string nonce, string bodyHash, string deduplicationKey, string? replyXml, SubscriberChange change)
    {
        RedisKey[] keys = [subscribers.Keys.Nonce(nonce), subscribers.Keys.Delivery(deduplicationKey), .. subscribers.ScriptKeys(change)];
        RedisValue[] args =
        [
            bodyHash, _nonceTtl, _deliveryTtl, replyXml ?? "", SubscriberStore.OperationName(change.Operation),
            .. subscribers.ScriptArguments(change),
        ];
        var result = (RedisResult[])(await store.Database.ScriptEvaluateAsync(Script, keys, args))!;
        var reply = result.Length > 1 && !result[1].IsNull && result[1].ToString() is { Length: > 0 } xml ? xml : null;
        return (string?)result[0] switch
        {
            "applied" => new DeliveryResult(DeliveryOutcome.Applied, reply),
            "retried" => new DeliveryResult(DeliveryOutcome.Retried, reply),
            _ => new DeliveryResult(DeliveryOutcome.Replayed, null),
        };
    }
}
