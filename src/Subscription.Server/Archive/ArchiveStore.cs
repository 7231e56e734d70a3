using StackExchange.Redis;
using Subscription.Server.Issues;
using Subscription.Server.Storage;

namespace Subscription.Server.Archive;

public enum IssueState { Draft, Published }

public sealed record StoredIssue(Issue Issue, IssueState State, int Version);

/// <summary>Owns the archive key family: drafts (replaceable) and published issues (immutable, versioned).</summary>
public sealed class ArchiveStore(RedisStore store)
{
    private readonly ArchiveKeys _keys = new(store.KeyPrefix);

    /// <summary>False when the number is already published: a published issue is corrected by a new version.</summary>
    public async Task<bool> SaveDraftAsync(Issue issue)
    {
        RedisKey[] keys = [_keys.Published(issue.Number), _keys.Draft(issue.Number)];
        return (int)await store.Database.EvaluateInOneSlotAsync(ArchiveScripts.SaveDraft, keys, [IssueJson.Serialize(issue)]) == 1;
    }

    /// <summary>The new version (1 for a first publication), or 0 when already published and no correction was asked for.</summary>
    public async Task<int> PublishAsync(Issue issue, bool correction)
    {
        RedisKey[] keys = [_keys.Published(issue.Number), _keys.Index, _keys.Revision, _keys.Draft(issue.Number)];
        RedisValue[] args = [issue.Number, IssueJson.Serialize(issue), correction ? "1" : "0"];
        var version = (int)await store.Database.EvaluateInOneSlotAsync(ArchiveScripts.Publish, keys, args);
        if (version > 0)
        {
            await store.Connection.GetSubscriber().PublishAsync(_keys.Changes, issue.Number);
        }

        return version;
    }

    /// <summary>The current published version of an issue, else its draft, else null.</summary>
    public async Task<StoredIssue?> GetAsync(int number)
    {
        var published = await GetPublishedAsync(number);
        if (published is not null)
        {
            return published;
        }

        var draft = await store.Database.StringGetAsync(_keys.Draft(number));
        return draft.IsNull ? null : new StoredIssue(Read(draft!), IssueState.Draft, 0);
    }

    public async Task<StoredIssue?> GetPublishedAsync(int number)
    {
        var current = await store.Database.HashGetAsync(_keys.Published(number), "current");
        if (current.IsNull)
        {
            return null;
        }

        var json = await store.Database.HashGetAsync(_keys.Published(number), "v" + current);
        return new StoredIssue(Read(json!), IssueState.Published, (int)current);
    }

    /// <summary>Published issue numbers, newest first, for paging.</summary>
    public async Task<IReadOnlyList<int>> ListPublishedAsync(int skip, int take)
    {
        var numbers = await store.Database.SortedSetRangeByRankAsync(_keys.Index, skip, skip + take - 1, Order.Descending);
        return numbers.Select(n => (int)n).ToArray();
    }

    /// <summary>Published issues, newest first, loaded in one pipelined batch.</summary>
    public async Task<IReadOnlyList<Issue>> GetPublishedPageAsync(int skip, int take)
    {
        var loaded = await Task.WhenAll((await ListPublishedAsync(skip, take)).Select(GetPublishedAsync));
        return loaded.OfType<StoredIssue>().Select(s => s.Issue).ToList();
    }

    /// <summary>The current version of each published issue, in one pipelined batch.</summary>
    public async Task<IReadOnlyDictionary<int, int>> CurrentVersionsAsync(IReadOnlyList<int> numbers)
    {
        var versions = await Task.WhenAll(numbers.Select(n => store.Database.HashGetAsync(_keys.Published(n), "current")));
        return numbers.Zip(versions).Where(p => !p.Second.IsNull).ToDictionary(p => p.First, p => (int)p.Second);
    }

    public Task<long> CountPublishedAsync() => store.Database.SortedSetLengthAsync(_keys.Index);

    public async Task<StoredIssue?> GetLatestAsync()
    {
        var newest = await ListPublishedAsync(0, 1);
        return newest.Count == 0 ? null : await GetPublishedAsync(newest[0]);
    }

    /// <summary>Calls <paramref name="onPublished"/> whenever any instance publishes an issue.</summary>
    public Task OnPublishedAsync(Action onPublished) =>
        store.Connection.GetSubscriber().SubscribeAsync(_keys.Changes, (_, _) => onPublished());

    /// <summary>Bumped on every publication; the search index compares it with the revision it has loaded.</summary>
    public async Task<long> RevisionAsync() => (long?)await store.Database.StringGetAsync(_keys.Revision) ?? 0;

    private static Issue Read(string json) =>
        IssueJson.Parse(json).Issue ?? throw new InvalidDataException("A stored issue no longer parses; it was written by an incompatible version.");
}
