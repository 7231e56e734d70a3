using System.Globalization;
using StackExchange.Redis;

namespace Subscription.Server.Broadcasts;

/// <summary>The audience of a resend: the followers a broadcast failed, read from its outcomes with HSCAN.</summary>
internal sealed class FailedFollowers(BroadcastLedger ledger, string source)
{
    /// <returns>The failed openids of one HSCAN page and the next cursor (null at the end). HSCAN may repeat a member.</returns>
    public async Task<(IReadOnlyList<string> Page, string? Next)> PageAsync(string cursor, int count)
    {
        var key = ledger.Keys.Ledger(source).Outcomes;
        var reply = (RedisResult[])(await ledger.Database.ExecuteAsync("HSCAN", key, cursor == "end" ? "0" : cursor, "COUNT", count))!;
        var next = (string)reply[0]!;
        var entries = (RedisResult[])reply[1]!;
        var failed = new List<string>();
        for (var i = 0; i + 1 < entries.Length; i += 2)
        {
            if (((string?)entries[i + 1])?.StartsWith("f:", StringComparison.Ordinal) == true)
            {
                failed.Add((string)entries[i]!);
            }
        }

        return (failed, next == "0" ? null : next.ToString(CultureInfo.InvariantCulture));
    }
}
