using System.Diagnostics;
using System.Threading.Channels;
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
/// Records callbacks atomically: the replay check on the nonce, the retry check on the delivery key, the
/// follower's change, and the reply a retry must get again. No state in which a crash could leave a delivery
/// claimed but not applied. While both writes allowed in flight are busy, new callbacks queue and go together in
/// the next one (one script, applied in arrival order): under load a script call costs far more than its work.
/// </summary>
public sealed class DeliveryLedger : IAsyncDisposable
{
    private const int MaxBatch = 128;
    private const int WritesInFlight = 2;
    // WeChat gives up on a callback after 5 s; one queued longer (the store is down or stalled) is failed unwritten,
    // as a call to a store that does not answer fails, rather than piling up and applying minutes late.
    private static readonly TimeSpan MaxQueueTime = TimeSpan.FromSeconds(5);
    private const int KeysPerDelivery = 9;
    private const int ArgsPerDelivery = 10;

    // KEYS per delivery: nonce, delivery key, then the subscriber layout (7). ARGV: nonce ttl ms, delivery ttl ms,
    // then per delivery: body hash, reply ('' = success), operation, then the subscriber layout (7).
    // Returns the outcome of each delivery and, for a retry, the kept reply ('' otherwise: the caller has its own), in order.
    private static readonly string Script = SubscriberScripts.Library + $$"""

        local out = {}
        for i = 0, #KEYS / {{KeysPerDelivery}} - 1 do
          local k, a = i * {{KeysPerDelivery}}, 2 + i * {{ArgsPerDelivery}}
          local seen = redis.call('SET', KEYS[k + 1], ARGV[a + 1], 'NX', 'GET', 'PX', ARGV[1])
          if seen and seen ~= ARGV[a + 1] then
            out[#out + 1] = 'replayed'
            out[#out + 1] = ''
          else
            local previous = redis.call('GET', KEYS[k + 2])
            if previous then
              out[#out + 1] = 'retried'
              out[#out + 1] = previous
            else
              apply(ARGV[a + 3], slice(KEYS, k + 3, k + {{KeysPerDelivery}}), slice(ARGV, a + 4, a + {{ArgsPerDelivery}}))
              redis.call('SET', KEYS[k + 2], ARGV[a + 2], 'PX', ARGV[2])
              out[#out + 1] = 'applied'
              out[#out + 1] = ''
            end
          end
        end
        return out
        """;

    private readonly RedisStore _store;
    private readonly SubscriberStore _subscribers;
    private readonly long _nonceTtl;
    private readonly long _deliveryTtl;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _slots = new(WritesInFlight);
    private readonly Task _writer;

    public DeliveryLedger(RedisStore store, SubscriberStore subscribers, IOptions<CallbackOptions> options)
    {
        _store = store;
        _subscribers = subscribers;
        _nonceTtl = (long)(options.Value.TimestampTolerance * 2).TotalMilliseconds;
        _deliveryTtl = (long)options.Value.DedupeTtl.TotalMilliseconds;
        _writer = WriteBatchesAsync();
    }

    public Task<DeliveryResult> RecordAsync(string nonce, string bodyHash, string deduplicationKey, string? replyXml, SubscriberChange change)
    {
        RedisKey[] keys = [_subscribers.Keys.Nonce(nonce), _subscribers.Keys.Delivery(deduplicationKey), .. _subscribers.ScriptKeys(change)];
        RedisValue[] args =
        [
            bodyHash, replyXml ?? "", SubscriberStore.OperationName(change.Operation), .. _subscribers.ScriptArguments(change),
        ];
        if (keys.Length != KeysPerDelivery || args.Length != ArgsPerDelivery)
        {
            throw new InvalidOperationException($"The delivery script reads {KeysPerDelivery} keys and {ArgsPerDelivery} arguments per delivery; got {keys.Length} and {args.Length}.");
        }

        var pending = new Pending(keys, args, replyXml, Stopwatch.GetTimestamp(), new TaskCompletionSource<DeliveryResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(DeliveryLedger), "The server is stopping.");
        }

        return pending.Result.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        // Every write holds a slot until it has completed its callers: holding them all means none is left.
        for (var i = 0; i < WritesInFlight; i++)
        {
            await _slots.WaitAsync();
        }
    }

    private async Task WriteBatchesAsync()
    {
        while (await _queue.Reader.WaitToReadAsync())
        {
            await _slots.WaitAsync();
            var batch = new List<Pending>(MaxBatch);
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                if (Stopwatch.GetElapsedTime(next.Queued) > MaxQueueTime)
                {
                    next.Result.TrySetException(new TimeoutException($"The delivery waited more than {MaxQueueTime.TotalSeconds:F0} s for the store."));
                }
                else
                {
                    batch.Add(next);
                }
            }

            if (batch.Count == 0)
            {
                _slots.Release();
                continue;
            }

            _ = WriteAsync(batch); // completes or fails each caller itself and never throws
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            await WriteScriptAsync(batch);
        }
        catch (RedisServerException) when (batch.Count > 1)
        {
            // An error inside the script stops it part-way and Redis keeps what it wrote: the deliveries before the
            // bad one are applied, the rest are not. Alone, each applies, answers "retried" with its kept reply, or
            // fails by itself.
            foreach (var pending in batch)
            {
                try
                {
                    await WriteScriptAsync([pending]);
                }
                catch (Exception e)
                {
                    pending.Result.TrySetException(e);
                }
            }
        }
        catch (Exception e)
        {
            foreach (var pending in batch)
            {
                pending.Result.TrySetException(e);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task WriteScriptAsync(List<Pending> batch)
    {
        var keys = new RedisKey[batch.Count * KeysPerDelivery];
        var args = new RedisValue[2 + batch.Count * ArgsPerDelivery];
        (args[0], args[1]) = (_nonceTtl, _deliveryTtl);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Keys.CopyTo(keys, i * KeysPerDelivery);
            batch[i].Args.CopyTo(args, 2 + i * ArgsPerDelivery);
        }

        var results = (RedisResult[])(await _store.Database.EvaluateInOneSlotAsync(Script, keys, args))!;
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Result.TrySetResult((string?)results[2 * i] switch
            {
                "applied" => new DeliveryResult(DeliveryOutcome.Applied, batch[i].ReplyXml),
                "retried" => new DeliveryResult(DeliveryOutcome.Retried, results[2 * i + 1].ToString() is { Length: > 0 } kept ? kept : null),
                _ => new DeliveryResult(DeliveryOutcome.Replayed, null),
            });
        }
    }

    private sealed record Pending(RedisKey[] Keys, RedisValue[] Args, string? ReplyXml, long Queued, TaskCompletionSource<DeliveryResult> Result);
}
