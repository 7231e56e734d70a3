using StackExchange.Redis;
using Subscription.Server.Storage;

namespace Subscription.Server.Subscribers;

/// <summary>
/// Once per store, adds to the opted-out set the followers recorded as opted out before the set existed, then
/// marks the set complete; until then <see cref="SubscriberStore.ReachAsync"/> reads the records. One instance
/// scans under a lease; if it dies, another takes over (the additions are idempotent).
/// </summary>
public sealed class OptOutBackfill(RedisStore store, SubscriberStore subscribers, ILogger<OptOutBackfill> logger) : BackgroundService
{
    private const int Batch = 1_000;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private readonly string _owner = Guid.NewGuid().ToString("N");

    // KEYS: opted-out set, then follower records. ARGV: their openids in the same order. Atomic per batch, so a
    // preference changed meanwhile by a callback is never overwritten with the value read before it.
    private const string AddOptedOut = """
        local n = 0
        for i = 2, #KEYS do
          if redis.call('HGET', KEYS[i], 'pushEnabled') == '0' then
            n = n + redis.call('SADD', KEYS[1], ARGV[i - 1])
          end
        end
        return n
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                if (await RunAsync(stoppingToken))
                {
                    return;
                }

                // Another instance is at it: look again in case it dies before finishing.
                await Task.Delay(Lease, stoppingToken);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning(e, "Back-filling the opted-out followers failed (attempt {Attempt}); trying again", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(60, 5 * attempt)), stoppingToken);
            }
        }
    }

    /// <returns>True once the set is complete; false while another instance holds the lease.</returns>
    private async Task<bool> RunAsync(CancellationToken stoppingToken)
    {
        var keys = subscribers.Keys;
        var db = store.Database;
        if (await db.KeyExistsAsync(keys.OptedOutReady))
        {
            return true;
        }

        if (!await db.TakeOrRenewAsync(keys.OptedOutLease, _owner, Lease))
        {
            return false;
        }

        // A store where no one ever followed has no record to look at.
        var added = 0L;
        if (await db.KeyExistsAsync(keys.Sequence))
        {
            var prefix = keys.Follower("").ToString();
            foreach (var server in store.Connection.GetServers().Where(s => s.IsConnected && !s.IsReplica))
            {
                var page = new List<RedisKey>(Batch);
                await foreach (var key in server.KeysAsync(pattern: EscapeGlob(prefix) + "*", pageSize: Batch).WithCancellation(stoppingToken))
                {
                    page.Add(key);
                    if (page.Count == Batch)
                    {
                        added += await AddAsync(db, keys, prefix, page);
                        page.Clear();
                        if (!await db.TakeOrRenewAsync(keys.OptedOutLease, _owner, Lease))
                        {
                            return false;
                        }
                    }
                }

                added += await AddAsync(db, keys, prefix, page);
            }
        }

        await db.StringSetAsync(keys.OptedOutReady, "1");
        await db.ReleaseAsync(keys.OptedOutLease, _owner);
        logger.LogInformation("Opted-out followers back-filled: {Added} added", added);
        return true;
    }

    private static async Task<long> AddAsync(IDatabase db, SubscriberKeys keys, string prefix, List<RedisKey> records) =>
        records.Count == 0 ? 0 : (long)await db.EvaluateInOneSlotAsync(
            AddOptedOut, [keys.OptedOut, .. records], [.. records.Select(k => (RedisValue)k.ToString()[prefix.Length..])]);

    /// <summary>The key prefix as a SCAN pattern that matches it literally (its hash tag has braces, not globs, but a prefix may hold anything).</summary>
    private static string EscapeGlob(string text) =>
        string.Concat(text.Select(c => c is '*' or '?' or '[' or ']' or '\\' ? $"\\{c}" : c.ToString()));
}
