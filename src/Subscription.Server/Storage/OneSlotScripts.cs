using StackExchange.Redis;

namespace Subscription.Server.Storage;

/// <summary>
/// Runs a Lua script only if all its keys share one hash tag, as a Redis Cluster requires of a multi-key script.
/// StackExchange.Redis checks slots only against a cluster, so a script that broke the rule would first fail
/// there; this makes every store, and so every test, refuse it.
/// </summary>
public static class OneSlotScripts
{
    public static Task<RedisResult> EvaluateInOneSlotAsync(this IDatabase db, string script, RedisKey[] keys, RedisValue[]? values = null)
    {
        if (keys.Length > 1)
        {
            var tag = HashTag(keys[0]!);
            foreach (var key in keys.AsSpan(1))
            {
                if (!HashTag(key!).SequenceEqual(tag))
                {
                    throw new InvalidOperationException($"A script's keys must share one hash tag (Redis Cluster): '{keys[0]}' and '{key}' do not.");
                }
            }
        }

        return db.ScriptEvaluateAsync(script, keys, values);
    }

    /// <summary>What Redis Cluster hashes: the text between the first '{' and the next '}', if not empty; else the whole key.</summary>
    public static ReadOnlySpan<char> HashTag(string key)
    {
        var open = key.IndexOf('{', StringComparison.Ordinal);
        if (open >= 0)
        {
            var close = key.IndexOf('}', open + 1);
            if (close > open + 1)
            {
                return key.AsSpan(open + 1, close - open - 1);
            }
        }

        return key;
    }
}
