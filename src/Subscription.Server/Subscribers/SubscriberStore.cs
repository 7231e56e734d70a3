using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Subscription.Server.Storage;

namespace Subscription.Server.Subscribers;

/// <summary>Owns the subscriber key family: follower records, the audience, and the counters.</summary>
public sealed class SubscriberStore(RedisStore store, ReaderClock clock, IOptions<SubscriberOptions> options)
{
    private readonly long _dailyTtl = (long)TimeSpan.FromDays(options.Value.DailyCounterDays).TotalSeconds;

    private volatile bool _optOutsComplete;

    public SubscriberKeys Keys { get; } = new(store.KeyPrefix);

    public async Task<FollowerChange> ApplyAsync(SubscriberChange change) =>
        (FollowerChange)(int)await store.Database.ScriptEvaluateAsync(
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
        Keys.Audience, Keys.Sequence, Keys.ActiveCount,
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
        var active = db.StringGetAsync(Keys.ActiveCount);
        var today = db.HashGetAsync(Keys.Daily(clock.Day(clock.Now)), ["follows", "unfollows"]);
        var scenes = db.HashGetAllAsync(Keys.FollowScenes);
        await Task.WhenAll(active, today, scenes);

        var (follows, unfollows) = (today.Result[0], today.Result[1]);
        return new SubscriberStats(
            (long?)active.Result ?? 0,
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
    /// Like <see cref="PageAudienceAsync"/>, but only the followers on the page who take pushes come back:
    /// filtered where the data lives, in one round trip. Until the opted-out set is complete the records answer.
    /// </summary>
    public async Task<AudiencePage> PageReachableAsync(long cursor, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!await OptOutsCompleteAsync())
        {
            var page = await PageAudienceAsync(cursor, count);
            var flags = await FlagsAsync(page.OpenIds);
            return page with { OpenIds = [.. page.OpenIds.Where((_, i) => flags[i] is { Reach: Reach.Reachable })] };
        }

        var result = (RedisResult[])(await store.Database.ScriptEvaluateAsync(
            SubscriberScripts.ReachablePage, [Keys.Audience, Keys.OptedOut], [cursor, count]))!;
        var next = (string?)result[0] is { Length: > 0 } score
            ? (long?)double.Parse(score, System.Globalization.CultureInfo.InvariantCulture)
            : null;
        var openIds = new string[result.Length - 1];
        for (var i = 1; i < result.Length; i++)
        {
            openIds[i - 1] = (string)result[i]!;
        }

        return new AudiencePage(openIds, next);
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
    /// Whether each follower is in the audience and takes pushes: one script over the audience and the opted-out
    /// set for the whole list, answering a letter per follower, where <see cref="FlagsAsync"/> reads every record.
    /// Until the opted-out set is known to be complete (a store from before it existed, still being back-filled)
    /// the records answer.
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
            return [.. (await FlagsAsync(openIds)).Select(f => f?.Reach ?? Reach.Unsubscribed)];
        }

        var offset = range is null ? 0 : 2;
        var args = new RedisValue[openIds.Count + offset];
        if (range is not null)
        {
            args[0] = range.After;
            args[1] = range.Through is { } through ? through : "+inf";
        }

        for (var i = 0; i < openIds.Count; i++)
        {
            args[offset + i] = openIds[i];
        }

        var script = range is null ? SubscriberScripts.Reach : SubscriberScripts.ReachInRange;
        var codes = (string)(await store.Database.ScriptEvaluateAsync(script, [Keys.Audience, Keys.OptedOut], args))!;
        var reach = new Reach[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            reach[i] = codes[i] switch { 'r' => Reach.Reachable, 'o' => Reach.OptedOut, _ => Reach.Unsubscribed };
        }

        return reach;
    }

    private async ValueTask<bool> OptOutsCompleteAsync() =>
        _optOutsComplete || (_optOutsComplete = await store.Database.KeyExistsAsync(Keys.OptedOutReady));
}
