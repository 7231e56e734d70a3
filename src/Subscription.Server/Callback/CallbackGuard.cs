using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Subscription.Server.Storage;

namespace Subscription.Server.Callback;

public enum ClaimState { Claimed, Replied, Pending }

/// <summary>A claim on one delivery: ours to process, already answered (with that reply), or in progress elsewhere.</summary>
public readonly record struct Claim(ClaimState State, string? ReplyXml = null);

/// <summary>Owns the callback key family: nonces seen (replay protection) and deliveries seen (WeChat's retries).</summary>
public sealed class CallbackGuard(RedisStore store, IOptions<CallbackOptions> options)
{
    private const string PendingMarker = "pending";
    private const string ReplyTag = "reply:";

    private readonly string _root = store.KeyPrefix + "callback:";
    private readonly CallbackOptions _options = options.Value;

    /// <summary>
    /// False when the nonce was already used, inside the timestamp window, by a different body: a replay.
    /// The same body again is WeChat retrying and is let through to de-duplication.
    /// </summary>
    public async Task<bool> TryUseNonceAsync(string nonce, string bodyHash)
    {
        var key = (RedisKey)(_root + "nonce:" + nonce);
        var ttl = _options.TimestampTolerance * 2;
        if (await store.Database.StringSetAsync(key, bodyHash, ttl, When.NotExists))
        {
            return true;
        }

        return await store.Database.StringGetAsync(key) == bodyHash;
    }

    public async Task<Claim> ClaimAsync(string deliveryKey)
    {
        var key = DeliveryKey(deliveryKey);
        if (await store.Database.StringSetAsync(key, PendingMarker, _options.ProcessingLease, When.NotExists))
        {
            return new Claim(ClaimState.Claimed);
        }

        var value = (string?)await store.Database.StringGetAsync(key);
        return value is not null && value.StartsWith(ReplyTag, StringComparison.Ordinal)
            ? new Claim(ClaimState.Replied, value[ReplyTag.Length..])
            : value is null ? await ClaimAsync(deliveryKey) : new Claim(ClaimState.Pending);
    }

    /// <summary>Keeps the reply (empty for "success") so every retry of this delivery gets the same answer.</summary>
    public Task CompleteAsync(string deliveryKey, string? replyXml) =>
        store.Database.StringSetAsync(DeliveryKey(deliveryKey), ReplyTag + replyXml, _options.DedupeTtl);

    /// <summary>Gives the delivery back after a failure, so WeChat's next retry processes it.</summary>
    public Task ReleaseAsync(string deliveryKey) =>
        store.Database.KeyDeleteAsync(DeliveryKey(deliveryKey));

    /// <summary>Waits a little for another request's reply to the same delivery.</summary>
    public async Task<Claim> AwaitReplyAsync(string deliveryKey, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
            var value = (string?)await store.Database.StringGetAsync(DeliveryKey(deliveryKey));
            if (value is not null && value.StartsWith(ReplyTag, StringComparison.Ordinal))
            {
                return new Claim(ClaimState.Replied, value[ReplyTag.Length..]);
            }
        }

        return new Claim(ClaimState.Pending);
    }

    private RedisKey DeliveryKey(string deliveryKey) => _root + "delivery:" + deliveryKey;
}
