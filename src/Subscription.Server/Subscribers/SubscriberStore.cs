using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Subscription.Server.Storage;

namespace Subscription.Server.Subscribers;

/// <summary>Owns the subscriber key family: follower records, the audience, and the counters.</summary>
public sealed partial class SubscriberStore(RedisStore store, ReaderClock clock, IOptions<SubscriberOptions> options)
{
    private readonly long _dailyTtl = (long)TimeSpan.FromDays(options.Value.DailyCounterDays).TotalSeconds;

    private volatile bool _optOutsComplete;

    public SubscriberKeys Keys { get; } = new(store.KeyPrefix);

    public async Task<FollowerChange> ApplyAsync(SubscriberChange change) =>
        (FollowerChange)(int)await store.Database.EvaluateInOneSlotAsync(
            SubscriberScripts.Apply, ScriptKeys(change), [OperationName(change.Operation), .. ScriptArguments(change)]);

    public Task<FollowerChange> FollowAsync(string openId, long createTime, string? scene) =>
        ApplyAsync(new SubscriberChange(SubscriberOperation.Follow, openId, createTime, Scene: scene));

    public Task<FollowerChange> UnfollowAsync(string openId, long createTime) =>
        ApplyAsync(new SubscriberChange(SubscriberOperation.Unfollow, openId, createTime));

    /// <summary>Records an interaction (message, click, view, scan), with what it changes.</summary>
    public Task<FollowerChange> TouchAsync(
        string openId, long createTime, string? scanScene = null, bool? pushEnabled = null, IReadOnlyList<string>? sections = null) =>
        ApplyAsync(new SubscriberChange(SubscriberOperation.Touch, openId, createTime, null, scanScene, pushEnabled, sections));

    /// <summary>The keys of <see cref="SubscriberScripts"/>' layout for one change.</summary>
    internal RedisKey[] ScriptKeys(SubscriberChange change) => [Keys.Follower(change.OpenId), .. SharedScriptKeys(change.CreateTime)];

    /// <summary>The keys of <see cref="SubscriberScripts"/>' layout after the follower's own: audience, counters, scenes, opt-outs.</summary>
    internal RedisKey[] SharedScriptKeys(long createTime) =>
    [
        Keys.Audience, Keys.Sequence,
        Keys.Daily(clock.Day(DateTimeOffset.FromUnixTimeSeconds(createTime))), Keys.FollowScenes, Keys.ScanScenes, Keys.OptedOut,
    ];

    /// <summary>How long a day's follow/unfollow counters are kept, in seconds (the scripts' last argument).</summary>
    internal long DailyCounterTtl => _dailyTtl;

    /// <summary>The arguments of <see cref="SubscriberScripts"/>' layout for one change.</summary>
    internal RedisValue[] ScriptArguments(SubscriberChange change) =>
    [
        change.OpenId,
        change.CreateTime,
        change.Scene ?? "",
        change.ScanScene ?? "",
        change.PushEnabled switch { true => "1", false => "0", null => "" },
        change.Sections is null ? "" : "=" + string.Join(',', change.Sections),
        DailyCounterTtl,
    ];

    internal static string OperationName(SubscriberOperation operation) => operation switch
    {
        SubscriberOperation.Follow => "follow",
        SubscriberOperation.Unfollow => "unfollow",
        SubscriberOperation.Touch => "touch",
        _ => "none",
    };

    public async Task<Subscriber?> GetAsync(string openId)
    {
        var entries = await store.Database.HashGetAllAsync(Keys.Follower(openId));
        if (entries.Length == 0)
        {
            return null;
        }

        var fields = entries.ToDictionary(e => e.Name.ToString(), e => e.Value);
        long Seconds(string name) => fields.TryGetValue(name, out var v) && v.TryParse(out long n) ? n : 0;
        string? Text(string name) => fields.TryGetValue(name, out var v) && !v.IsNullOrEmpty ? v.ToString() : null;

        return new Subscriber(
            openId,
            Text("status") == "active" ? SubscriberStatus.Active : SubscriberStatus.Inactive,
            clock.FromUnixSeconds(Seconds("firstSubscribedAt")),
            clock.FromUnixSeconds(Seconds("lastSubscribedAt")),
            clock.FromUnixSeconds(Seconds("unsubscribedAt")),
            Text("scene"),
            Text("pushEnabled") != "0",
            Text("sections")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            clock.FromUnixSeconds(Seconds("lastInteractionAt")),
            Seconds("lastEventAt"),
            Seconds("seq"));
    }

    public async Task<SubscriberStats> GetStatsAsync()
    {
        var db = store.Database;
        var active = db.SortedSetLengthAsync(Keys.Audience);
        var today = db.HashGetAsync(Keys.Daily(clock.Day(clock.Now)), ["follows", "unfollows"]);
        var scenes = db.HashGetAllAsync(Keys.FollowScenes);
        await Task.WhenAll(active, today, scenes);

        var (follows, unfollows) = (today.Result[0], today.Result[1]);
        return new SubscriberStats(
            active.Result,
            (long?)follows ?? 0,
            (long?)unfollows ?? 0,
            scenes.Result.ToDictionary(e => e.Name.ToString(), e => (long)e.Value, StringComparer.Ordinal));
    }

    /// <summary>Active followers after <paramref name="cursor"/> (0 = from the start), in follow order.</summary>
    public async Task<AudiencePage> PageAudienceAsync(long cursor, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var page = await store.Database.SortedSetRangeByScoreWithScoresAsync(
            Keys.Audience, cursor, double.PositiveInfinity, Exclude.Start, Order.Ascending, 0, count);
        var next = page.Length == count ? (long?)page[^1].Score : null;
        return new AudiencePage(page.Select(e => e.Element.ToString()).ToArray(), next);
    }

    /// <summary>
    /// Like <see cref="PageAudienceAsync"/>, but only the followers on the page who take pushes come back.
    /// Until the opted-out set is complete the records answer.
    /// </summary>
    public async Task<AudiencePage> PageReachableAsync(long cursor, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!await OptOutsCompleteAsync())
        {
            return await PageWithScoresReachableAsync(cursor, count);
        }

        // Plain commands, not a script: Redis, shared by every instance, spends far less per member on them.
        var db = store.Database;
        var members = await db.SortedSetRangeByScoreAsync(Keys.Audience, cursor, double.PositiveInfinity, Exclude.Start, skip: 0, take: count);
        if (members.Length == 0)
        {
            return new AudiencePage([], null);
        }

        var batch = db.CreateBatch();
        var declined = batch.SetContainsAsync(Keys.OptedOut, members);
        // Only the last score is needed, as the cursor: formatting scores costs Redis more than finding members.
        var last = members.Length == count ? batch.SortedSetScoreAsync(Keys.Audience, members[^1]) : null;
        batch.Execute();
        var optedOut = await declined;
        var lastScore = last is null ? null : await last;
        if (last is not null && lastScore is null)
        {
            // The last member left between the two reads, taking the cursor with it: read this page with scores.
            return await PageWithScoresReachableAsync(cursor, count);
        }

        var openIds = new List<string>(members.Length);
        for (var i = 0; i < members.Length; i++)
        {
            if (!optedOut[i])
            {
                openIds.Add((string)members[i]!);
            }
        }

        return new AudiencePage(openIds, (long?)lastScore);
    }

    /// <summary><see cref="PageAudienceAsync"/> filtered by <see cref="ReachAsync"/>: the slower way, always right.</summary>
    private async Task<AudiencePage> PageWithScoresReachableAsync(long cursor, int count)
    {
        var page = await PageAudienceAsync(cursor, count);
        var reach = await ReachAsync(page.OpenIds);
        return page with { OpenIds = [.. page.OpenIds.Where((_, i) => reach[i] == Reach.Reachable)] };
    }

    /// <summary>What a send needs to know about each follower, read in one pipelined batch; null for unknown openids.</summary>
    public async Task<IReadOnlyList<FollowerFlags?>> FlagsAsync(IReadOnlyList<string> openIds)
    {
        RedisValue[] fields = ["status", "pushEnabled", "sections", "lastInteractionAt"];
        var batch = store.Database.CreateBatch();
        var reads = openIds.Select(openId => batch.HashGetAsync(Keys.Follower(openId), fields)).ToArray();
        batch.Execute();
        await Task.WhenAll(reads);
        return [.. reads.Select(read => read.Result is [var status, var push, var sections, var interaction] && !status.IsNull
            ? new FollowerFlags(
                (string?)status == "active",
                (string?)push != "0",
                ((string?)sections)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
                (long?)interaction ?? 0)
            : null)];
    }

    /// <summary>
    /// Whether each follower is in the audience and takes pushes: one ZMSCORE and one SMISMEMBER for the whole
    /// list, where <see cref="FlagsAsync"/> reads every record. Until the opted-out set is known to be complete
    /// (a store from before it existed, still being back-filled) the records answer.
    /// </summary>
    /// <param name="range">The slice of the audience the openids were planned from, if known: cheaper to check against.</param>
    public async Task<IReadOnlyList<Reach>> ReachAsync(IReadOnlyList<string> openIds, AudienceRange? range = null)
    {
        if (openIds.Count == 0)
        {
            return [];
        }

        if (!await OptOutsCompleteAsync())
        {
            return [.. (await FlagsAsync(openIds)).Select(FollowerFlags.ReachOf)];
        }

        if (range is not null)
        {
            return await ReachInRangeAsync(openIds, range);
        }

        var members = openIds.Select(o => (RedisValue)o).ToArray();
        var batch = store.Database.CreateBatch();
        var scores = batch.SortedSetScoresAsync(Keys.Audience, members);
        var optedOut = batch.SetContainsAsync(Keys.OptedOut, members);
        batch.Execute();
        var (following, declined) = (await scores, await optedOut);
        return [.. openIds.Select((_, i) => ReachOf(following[i] is not null, declined[i]))];
    }

    private static Reach ReachOf(bool following, bool optedOut) =>
        !following ? Reach.Unsubscribed : optedOut ? Reach.OptedOut : Reach.Reachable;

    /// <summary>
    /// Reach for openids planned from one slice of the audience: who still follows is answered by reading the
    /// slice's members (no scores to format), with the opted-out check in the same batch. Openids the slice does
    /// not hold (left since, or from outside it) are looked up in the audience by score; a slice much wider than the list is read
    /// only in part.
    /// </summary>
    private async Task<IReadOnlyList<Reach>> ReachInRangeAsync(IReadOnlyList<string> openIds, AudienceRange range)
    {
        var members = openIds.Select(o => (RedisValue)o).ToArray();
        var batch = store.Database.CreateBatch();
        var slice = batch.SortedSetRangeByScoreAsync(
            Keys.Audience, range.After, range.Through ?? double.PositiveInfinity, Exclude.Start, skip: 0, take: 2L * openIds.Count);
        var declined = batch.SetContainsAsync(Keys.OptedOut, members);
        batch.Execute();
        var following = new HashSet<string>((await slice).Select(m => m.ToString()), StringComparer.Ordinal);
        var optedOut = await declined;

        var reach = new Reach[openIds.Count];
        var unknown = new List<int>();
        for (var i = 0; i < reach.Length; i++)
        {
            if (following.Contains(openIds[i]))
            {
                reach[i] = ReachOf(true, optedOut[i]);
            }
            else
            {
                unknown.Add(i);
            }
        }

        if (unknown.Count > 0)
        {
            // Their opt-outs are known already: only whether they are in the audience at all is left to ask.
            var scores = await store.Database.SortedSetScoresAsync(Keys.Audience, [.. unknown.Select(i => members[i])]);
            for (var j = 0; j < unknown.Count; j++)
            {
                reach[unknown[j]] = ReachOf(scores[j] is not null, optedOut[unknown[j]]);
            }
        }

        return reach;
    }

    /// <summary>Whether the opted-out set holds every follower who declines pushes (a slice checks against it alone).</summary>
    public async ValueTask<bool> OptOutsCompleteAsync() =>
        _optOutsComplete || (_optOutsComplete = await store.Database.KeyExistsAsync(Keys.OptedOutReady));
}
