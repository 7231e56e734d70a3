using StackExchange.Redis;

namespace Subscription.Server.Archive;

/// <summary>
/// Keeps this instance's <see cref="SearchIndex"/> current: rebuilt at start, after a publication on any
/// instance (pub/sub), and whenever a search notices the archive's revision moved (a missed message).
/// </summary>
public sealed class ArchiveSearch(ArchiveStore archive, ILogger<ArchiveSearch> logger) : IHostedService
{
    private static readonly TimeSpan RevisionCheckInterval = TimeSpan.FromSeconds(5);

    // A search on the callback path waits this long for a stale index; a big rebuild then finishes in the background.
    private static readonly TimeSpan FreshnessWait = TimeSpan.FromMilliseconds(300);

    // Publications come in bursts (a correction, a batch import); one rebuild after a short pause serves them all.
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private readonly Dictionary<int, StoredIssue> _loaded = [];
    private volatile SearchIndex _index = SearchIndex.Empty;
    private long _lastCheck;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit)
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastCheck) > RevisionCheckInterval.TotalMilliseconds)
        {
            Interlocked.Exchange(ref _lastCheck, now);
            if (await archive.RevisionAsync() != _index.Revision)
            {
                var rebuild = RebuildQuietlyAsync();
                await Task.WhenAny(rebuild, Task.Delay(FreshnessWait));
            }
        }

        return _index.Search(query, limit);
    }

    /// <summary>Reloads every published issue; concurrent callers wait for one rebuild.</summary>
    public async Task RebuildAsync()
    {
        await _rebuild.WaitAsync();
        try
        {
            var revision = await archive.RevisionAsync();
            if (revision == _index.Revision)
            {
                return; // already current, perhaps rebuilt by another caller meanwhile
            }

            // Only issues that are new or have a new version are read again; the rest come from the last build.
            var count = (int)await archive.CountPublishedAsync();
            var versions = await archive.CurrentVersionsAsync(await archive.ListPublishedAsync(0, count));
            foreach (var (number, version) in versions)
            {
                if ((!_loaded.TryGetValue(number, out var known) || known.Version != version) &&
                    await archive.GetPublishedAsync(number) is { } stored)
                {
                    _loaded[number] = stored;
                }
            }

            foreach (var gone in _loaded.Keys.Where(n => !versions.ContainsKey(n)).ToList())
            {
                _loaded.Remove(gone);
            }

            _index = new SearchIndex(_loaded.Values.Select(s => s.Issue), revision);
            logger.LogInformation("Search index: {Articles} articles from {Issues} issues (revision {Revision})", _index.Count, _loaded.Count, revision);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    // In the background: a store that is down at start must not stop the service; searches catch up later.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await archive.OnPublishedAsync(() => _ = RebuildQuietlyAsync(Debounce));
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning(e, "No publication notices; searches will notice new issues by the archive's revision");
            }

            await RebuildQuietlyAsync();
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RebuildQuietlyAsync(TimeSpan delay = default)
    {
        try
        {
            await Task.Delay(delay);
            await RebuildAsync();
        }
        catch (Exception e) when (e is RedisException or TimeoutException or InvalidDataException or ObjectDisposedException)
        {
            logger.LogWarning(e, "Search index rebuild failed; the next search retries");
        }
    }
}
