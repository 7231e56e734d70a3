using StackExchange.Redis;

namespace Subscription.Server.Archive;

/// <summary>
/// Keeps this instance's <see cref="SearchIndex"/> current: rebuilt at start, after a publication on any
/// instance (pub/sub), and whenever a search notices the archive's revision moved (a missed message).
/// </summary>
public sealed class ArchiveSearch(ArchiveStore archive, ILogger<ArchiveSearch> logger) : IHostedService
{
    private static readonly TimeSpan RevisionCheckInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _rebuild = new(1, 1);
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
                await RebuildAsync();
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

            var issues = new List<Issues.Issue>();
            var count = (int)await archive.CountPublishedAsync();
            foreach (var number in await archive.ListPublishedAsync(0, count))
            {
                if (await archive.GetPublishedAsync(number) is { } stored)
                {
                    issues.Add(stored.Issue);
                }
            }

            _index = new SearchIndex(issues, revision);
            logger.LogInformation("Search index: {Articles} articles from {Issues} issues (revision {Revision})", _index.Count, issues.Count, revision);
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
                await archive.OnPublishedAsync(() => _ = RebuildQuietlyAsync());
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

    private async Task RebuildQuietlyAsync()
    {
        try
        {
            await RebuildAsync();
        }
        catch (Exception e) when (e is RedisException or TimeoutException or InvalidDataException)
        {
            logger.LogWarning(e, "Search index rebuild failed; the next search retries");
        }
    }
}
