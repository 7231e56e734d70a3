using System.Text.Json;
using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace Subscription.Server.Subscribers;

/// <summary>The audience cut into slices for a mass broadcast: planning the cuts, and fixing what each sends to.</summary>
public sealed partial class SubscriberStore
{
    /// <summary>The highest place in the audience (0 when nobody follows): where a plan that starts now ends.</summary>
    public async Task<long> LastPlaceAsync()
    {
        var last = await store.Database.SortedSetRangeByRankWithScoresAsync(Keys.Audience, 0, 0, Order.Descending);
        return last.Length == 0 ? 0 : (long)last[0].Score;
    }

    /// <summary>
    /// The next slice of the audience after <paramref name="after"/> up to <paramref name="through"/>:
    /// <paramref name="size"/> followers, or all that are left. A slice never leaves a single follower behind it
    /// (mass/send needs two): it ends one earlier instead. Null when nobody follows in that range.
    /// </summary>
    public async Task<AudienceSlice?> NextSliceAsync(long after, long through, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        var db = store.Database;
        // The (size-1)th to the (size+2)th follower: where a full slice ends, and whether exactly one is left after it.
        var edge = await db.SortedSetRangeByScoreWithScoresAsync(Keys.Audience, after, through, Exclude.Start, Order.Ascending, size - 2, 4);
        if (edge.Length == 4)
        {
            return new AudienceSlice(new AudienceRange(after, (long)edge[1].Score), size);
        }

        if (edge.Length == 3)
        {
            return new AudienceSlice(new AudienceRange(after, (long)edge[0].Score), size - 1);
        }

        var batch = db.CreateBatch();
        var last = batch.SortedSetRangeByScoreWithScoresAsync(Keys.Audience, after, through, Exclude.Start, Order.Descending, 0, 1);
        var count = batch.SortedSetLengthAsync(Keys.Audience, after, through, Exclude.Start);
        batch.Execute();
        var (end, left) = (await last, await count);
        return end.Length == 0 || left == 0 ? null : new AudienceSlice(new AudienceRange(after, (long)end[0].Score), (int)left);
    }

    /// <summary>
    /// What a broadcast's slice of the audience sends to, fixed at the first call: its first <paramref name="max"/>
    /// followers in follow order who take pushes, how many it read, and if it held more, the score the part read ends
    /// at. Every later call (a retry, another instance) gets the same answer, so a retry of a send WeChat may have
    /// taken goes to the same list. Kept for <paramref name="keep"/>; <see cref="ForgetSliceAsync"/> drops it sooner.
    /// </summary>
    public async Task<SliceRead> FixSliceAsync(string broadcastId, int chunk, AudienceRange range, int max, TimeSpan keep)
    {
        var key = Keys.Slice(broadcastId, chunk);
        var through = range.Through ?? long.MaxValue;
        // The members come back as plain replies, which a script would copy into Lua and back (five times the
        // cost for 10,000 of them); the transaction keeps the read and the one score a split needs consistent.
        var read = store.Database.CreateTransaction();
        var earlier = read.StringGetAsync(key);
        var members = read.SortedSetRangeByScoreAsync(Keys.Audience, range.After, through, Exclude.Start, Order.Ascending, 0, max + 1);
        var edge = read.SortedSetRangeByScoreWithScoresAsync(Keys.Audience, range.After, through, Exclude.Start, Order.Ascending, max - 1, 1);
        var optedOut = read.SetLengthAsync(Keys.OptedOut);
        await read.ExecuteAsync();
        if (await earlier is { HasValue: true } fixedBefore)
        {
            return Parse(fixedBefore);
        }

        var (all, last) = (await members, await edge);
        var count = Math.Min(all.Length, max);
        var restAfter = all.Length > max ? (long?)last[0].Score : null;
        var kept = all.AsSpan(0, count).ToArray();
        if (await optedOut > 0 && count > 0)
        {
            var declined = await store.Database.SetContainsAsync(Keys.OptedOut, kept);
            kept = kept.Where((_, i) => !declined[i]).ToArray();
        }

        var slice = new SliceRead(Array.ConvertAll(kept, m => (string)m!), count, restAfter);
        var mine = JsonSerializer.Serialize(slice, SliceJsonContext.Default.SliceRead);
        // The first attempt to store its answer wins; a later one gets that answer back instead.
        var first = await store.Database.StringSetAndGetAsync(key, mine, keep, keepTtl: false, When.NotExists);
        return first.IsNull ? slice : Parse(first);

        static SliceRead Parse(RedisValue json) => JsonSerializer.Deserialize((string)json!, SliceJsonContext.Default.SliceRead)!;
    }

    /// <summary>Drops a fixed slice once its send is recorded.</summary>
    public Task ForgetSliceAsync(string broadcastId, int chunk) =>
        store.Database.KeyDeleteAsync(Keys.Slice(broadcastId, chunk));
}

[JsonSerializable(typeof(SliceRead))]
internal sealed partial class SliceJsonContext : JsonSerializerContext;
