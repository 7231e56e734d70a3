using System.Globalization;
using StackExchange.Redis;
using Subscription.Server.Storage;
using Subscription.Server.Subscribers;

namespace Subscription.Server.Followers;

/// <summary>Persists the sync's state in the subscriber slot, and runs its scripts there.</summary>
public sealed class FollowerSyncStore(RedisStore store, SubscriberStore subscribers)
{
    private readonly SubscriberKeys _keys = subscribers.Keys;

    public async Task<FollowerSyncState> GetAsync()
    {
        var entries = await store.Database.HashGetAllAsync(_keys.Sync);
        if (entries.Length == 0)
        {
            return FollowerSyncState.None;
        }

        var f = entries.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
        long Number(string name) => f.TryGetValue(name, out var v) && long.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : 0;
        DateTimeOffset? Time(string name) => Number(name) is > 0 and var s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
        string? Text(string name) => f.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        return new FollowerSyncState(
            Text("runId") ?? "",
            Enum.TryParse<SyncPhase>(Text("phase"), out var phase) ? phase : SyncPhase.Idle,
            Time("startedAt"),
            Time("finishedAt"),
            Text("nextOpenId"),
            Number("sweepCursor"),
            Number("listed"),
            Number("added"),
            Number("removed"),
            Text("error"));
    }

    public Task SaveAsync(FollowerSyncState state) => store.Database.HashSetAsync(_keys.Sync,
    [
        new("runId", state.RunId),
        new("phase", state.Phase.ToString()),
        new("startedAt", state.StartedAt?.ToUnixTimeSeconds() ?? 0),
        new("finishedAt", state.FinishedAt?.ToUnixTimeSeconds() ?? 0),
        new("nextOpenId", state.NextOpenId ?? ""),
        new("sweepCursor", state.SweepCursor),
        new("listed", state.Listed),
        new("added", state.Added),
        new("removed", state.Removed),
        new("error", state.Error ?? ""),
    ]);

    /// <summary>Takes (or renews) the sync's lease; false when another instance holds it.</summary>
    public Task<bool> LeaseAsync(string owner, TimeSpan lease) => store.Database.TakeOrRenewAsync(_keys.SyncLock, owner, lease);

    public Task ReleaseAsync(string owner) => store.Database.ReleaseAsync(_keys.SyncLock, owner);

    /// <summary>Marks the listed followers we know as active; returns the ones we don't (or know as gone).</summary>
    public async Task<IReadOnlyList<string>> MarkListedAsync(string runId, IReadOnlyList<string> openIds)
    {
        var result = await store.Database.EvaluateInOneSlotAsync(
            FollowerSyncScripts.MarkListed, openIds.Select(_keys.Follower).ToArray(), [runId, .. openIds.Select(o => (RedisValue)o)]);
        return ((RedisResult[])result!).Select(r => r.ToString()).ToArray();
    }

    /// <summary>Unfollows the active followers among <paramref name="openIds"/> that this run did not see listed.</summary>
    public async Task<long> SweepAsync(string runId, DateTimeOffset startedAt, IReadOnlyList<string> openIds)
    {
        RedisKey[] keys = [.. subscribers.SharedScriptKeys(startedAt.ToUnixTimeSeconds()), .. openIds.Select(_keys.Follower)];
        RedisValue[] args = [runId, startedAt.ToUnixTimeSeconds(), subscribers.DailyCounterTtl, .. openIds.Select(o => (RedisValue)o)];
        return (long)await store.Database.EvaluateInOneSlotAsync(FollowerSyncScripts.Sweep, keys, args);
    }
}
