using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Subscription.Server.Storage;
using Subscription.WeChat.Api;

namespace Subscription.Server.Broadcasts;

/// <summary>
/// On every instance that runs jobs: keeps running broadcasts going after a worker died (its chunk's lease lapsed
/// while its job was not waiting), and asks mass/get about mass jobs whose MASSSENDJOBFINISH never came.
/// One instance at a time does a round.
/// </summary>
internal sealed class BroadcastWatchdog(
    BroadcastLedger ledger,
    BroadcastScheduler scheduler,
    RedisStore store,
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<BroadcastOptions> options,
    ILogger<BroadcastWatchdog> logger) : BackgroundService
{
    private readonly string _owner = Guid.NewGuid().ToString("N");

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

        foreach (var id in await ledger.OpenAsync())
        {
            await scheduler.KickAsync(id);
        }

        await PollMassJobsAsync(cancellationToken);
    }

    /// <summary>Mass jobs of recent broadcasts sent long enough ago with no result: mass/get fills in the status.</summary>
    private async Task PollMassJobsAsync(CancellationToken cancellationToken)
    {
        var due = time.GetUtcNow() - options.Value.MassStatusPollAfter;
        foreach (var id in await ledger.ListAsync(0, 20))
        {
            if (await ledger.GetAsync(id) is not { } broadcast || !broadcast.Definition.Channel.IsMass())
            {
                continue;
            }

            var fields = await ledger.ChunkFieldsAsync(id);
            for (var chunk = 0; chunk < broadcast.Chunks; chunk++)
            {
                if (!fields.TryGetValue($"{chunk}:msg", out var msg) || fields.ContainsKey($"{chunk}:status")
                    || !fields.TryGetValue($"{chunk}:sentAt", out var sentAt)
                    || DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(sentAt, System.Globalization.CultureInfo.InvariantCulture)) > due)
                {
                    continue;
                }

                var msgId = long.Parse(msg, System.Globalization.CultureInfo.InvariantCulture);

                using var scope = scopes.CreateScope();
                var status = await scope.ServiceProvider.GetRequiredService<WeChatApiClient>().GetMassStatusAsync(msgId, cancellationToken);
                if (status.RawStatus is "SEND_SUCCESS" or "SEND_FAIL" or "DELETE")
                {
                    await ledger.MassFinishedAsync(id, chunk, status.RawStatus, 0, 0, 0, 0);
                }
            }
        }
    }
}
