using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Subscription.Server.Storage;

namespace Subscription.Server.Subscribers;

/// <summary>Owns the subscriber key family: follower records, the audience, and the counters.</summary>
public sealed class SubscriberStore(RedisStore store, ReaderClock clock, IOptions<SubscriberOptions> options)
{
    private readonly SubscriberKeys _keys = new(store.KeyPrefix);
    private readonly long _dailyTtl = (long)TimeSpan.FromDays(options.Value.DailyCounterDays).TotalSeconds;

    public async Task<FollowerChange> FollowAsync(string openId, long createTime, string? scene)
    {
        RedisKey[] keys = [_keys.Follower(openId), _keys.Audience, _keys.Sequence, _keys.ActiveCount, DailyKey(createTime), _keys.FollowScenes];
        RedisValue[] args = [openId, createTime, scene ?? "", _dailyTtl];
        return (FollowerChange)(int)await store.Database.ScriptEvaluateAsync(SubscriberScripts.Follow, keys, args);
    }

    public async Task<FollowerChange> UnfollowAsync(string openId, long createTime)
    {
        RedisKey[] keys = [_keys.Follower(openId), _keys.Audience, _keys.ActiveCount, DailyKey(createTime)];
        RedisValue[] args = [openId, createTime, _dailyTtl];
        return (FollowerChange)(int)await store.Database.ScriptEvaluateAsync(SubscriberScripts.Unfollow, keys, args);
    }

    /// <summary>
    /// Records an interaction (message, click, view, scan); optionally a QR scene scanned, a push preference,
    /// or the sections the follower wants (empty = all).
    /// </summary>
    public async Task<FollowerChange> TouchAsync(
        string openId, long createTime, string? scanScene = null, bool? pushEnabled = null, IReadOnlyList<string>? sections = null)
    {
        RedisKey[] keys = [_keys.Follower(openId), _keys.Audience, _keys.Sequence, _keys.ActiveCount, _keys.ScanScenes];
        RedisValue[] args =
        [
            openId,
            createTime,
            scanScene ?? "",
            pushEnabled switch { true => "1", false => "0", null => "" },
            sections is null ? "" : "=" + string.Join(',', sections),
        ];
        return (FollowerChange)(int)await store.Database.ScriptEvaluateAsync(SubscriberScripts.Touch, keys, args);
    }

    public async Task<Subscriber?> GetAsync(string openId)
    {
        var entries = await store.Database.HashGetAllAsync(_keys.Follower(openId));
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
        var active = db.StringGetAsync(_keys.ActiveCount);
        var today = db.HashGetAsync(_keys.Daily(clock.Day(clock.Now)), ["follows", "unfollows"]);
        var scenes = db.HashGetAllAsync(_keys.FollowScenes);
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
            _keys.Audience, cursor, double.PositiveInfinity, Exclude.Start, Order.Ascending, 0, count);
        var next = page.Length == count ? (long?)page[^1].Score : null;
        return new AudiencePage(page.Select(e => e.Element.ToString()).ToArray(), next);
    }

    private RedisKey DailyKey(long createTime) => _keys.Daily(clock.Day(DateTimeOffset.FromUnixTimeSeconds(createTime)));
}
