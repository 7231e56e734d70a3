using Subscription.Server.Issues;
using Subscription.Server.Storage;

namespace Subscription.Server.Archive;

/// <summary>
/// With the embedded store, a fresh start publishes the sample issue (config/samples/issue-185.txt), so a
/// newcomer sees a working archive at once. Never with an external Redis: production data is staff's.
/// </summary>
internal sealed class SampleArchiveSeeder(IServiceProvider services, ArchiveStore archive, ILogger<SampleArchiveSeeder> logger) : IHostedService
{
    private static readonly string SamplePath = Path.Combine(AppContext.BaseDirectory, "config", "samples", "issue-185.txt");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SeedAsync(cancellationToken);
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException or IOException)
        {
            logger.LogWarning(e, "The sample issue was not published");
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<EmbeddedGarnet>() is null || !File.Exists(SamplePath) || await archive.CountPublishedAsync() > 0)
        {
            return;
        }

        var parsed = IssueTextParser.Parse(await File.ReadAllTextAsync(SamplePath, cancellationToken));
        if (parsed.Issue is null)
        {
            logger.LogError("The sample issue does not parse: {Errors}", string.Join("; ", parsed.Errors.Select(e => $"line {e.Line}: {e.Message}")));
            return;
        }

        if (await archive.PublishAsync(parsed.Issue, correction: false) > 0)
        {
            logger.LogInformation("Published the sample issue {Number} into the empty embedded archive", parsed.Issue.Number);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
