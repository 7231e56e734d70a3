using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Subscription.Server.Jobs;
using Subscription.Server.Storage;
using Subscription.WeChat.Api;

namespace Subscription.Server.Broadcasts;

/// <summary>
/// On every instance that runs jobs: keeps running broadcasts going after a worker died (its chunk's lease lapsed
/// while its job was not waiting), resumes quota pauses whose time has come and gone, and asks mass/get about mass
/// jobs whose MASSSENDJOBFINISH never came. Once per start it also closes final broadcasts that never were (those
/// that ended before closing existed).
/// One instance at a time does a round.
/// </summary>
internal sealed class BroadcastWatchdog(
    BroadcastLedger ledger,
    BroadcastScheduler scheduler,
    BroadcastService broadcasts,
    RedisStore store,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<BroadcastOptions> options,
    ILogger<BroadcastWatchdog> logger) : BackgroundService
{
    private readonly string _owner = Guid.NewGuid().ToString("N");

    /// <summary>Whether this instance has looked for final broadcasts never closed; once per start is enough.</summary>
    private bool _sweptUnclosed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.WatchdogInterval, time);
        do
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (e is RedisException or TimeoutException or WeChatTransportException or WeChatApiException)
            {
                logger.LogWarning(e, "Broadcast watchdog round failed; trying again next round");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default));
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        var round = ledger.Keys.WatchdogRound;
        if (!await store.Database.StringSetAsync(round, _owner, options.Value.WatchdogInterval, When.NotExists))
        {
            return;
        }

        // A quota pause schedules its own resume job. One past its time by more than a round and Hangfire's polling
        // never got that job: the instance that paused it died first.
        var overdue = time.GetUtcNow() - options.Value.WatchdogInterval - JobsOptions.SchedulePolling;
        foreach (var id in await ledger.OpenAsync())
        {
            var broadcast = await ledger.GetAsync(id);
            if (broadcast is { State: BroadcastState.Paused, ResumeAt: { } at } && at < overdue)
            {
                await ResumeOverdueAsync(id, at); // a resume gets the broadcast going itself
            }
            else
            {
                await scheduler.KickAsync(id, broadcast);
            }
        }

        if (!_sweptUnclosed)
        {
            foreach (var id in await ledger.UnclosedFinalAsync())
            {
                await ledger.CloseAsync(id);
            }

            _sweptUnclosed = true;
        }

        await PollMassJobsAsync(cancellationToken);
    }

    private async Task ResumeOverdueAsync(string id, DateTimeOffset due)
    {
        try
        {
            await broadcasts.ResumeAsync(id);
            logger.LogWarning("Broadcast {Id} was due to resume at {ResumeAt} and had not; resumed it", id, due);
        }
        catch (BroadcastRequestException)
        {
            // Resumed or cancelled by someone else meanwhile.
        }
    }

    /// <summary>Mass jobs of recent broadcasts sent long enough ago with no result: mass/get fills in the status.</summary>
    private async Task PollMassJobsAsync(CancellationToken cancellationToken)
    {
        var due = time.GetUtcNow() - options.Value.MassStatusPollAfter;
        foreach (var (id, channel) in await ledger.RecentAsync(20))
        {
            if (!channel.IsMass())
            {
                continue;
            }

            var fields = await ledger.ChunkFieldsAsync(id);
            foreach (var (field, msg) in fields.Where(f => f.Key.EndsWith(":msg", StringComparison.Ordinal)))
            {
                var chunk = field[..^":msg".Length];
                if (fields.ContainsKey($"{chunk}:status") || !fields.TryGetValue($"{chunk}:sentAt", out var sentAt)
                    || DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(sentAt, CultureInfo.InvariantCulture)) > due)
                {
                    continue;
                }

                using var scope = scopes.CreateScope();
                var status = await scope.ServiceProvider.GetRequiredService<WeChatApiClient>()
                    .GetMassStatusAsync(long.Parse(msg, CultureInfo.InvariantCulture), cancellationToken);
                if (status.State is MassJobState.Succeeded or MassJobState.Failed or MassJobState.Deleted)
                {
                    await ledger.MassFinishedAsync(id, int.Parse(chunk, CultureInfo.InvariantCulture), status.RawStatus, 0, 0, 0, 0);
                }
            }
        }
    }
}
