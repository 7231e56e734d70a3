using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Callbacks;

/// <summary>Pushes queued job-finish events once they are due, one at a time in queue order.</summary>
public sealed class JobEventPump(EmulatorState state, CallbackSender sender, ILogger<JobEventPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = state.JobEvents;
        try
        {
            await foreach (var callback in queue.Reader.ReadAllAsync(stoppingToken))
            {
                var wait = callback.DueAt - state.Clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stoppingToken);
                }

                var result = await sender.SendAsync(callback.Xml, callback.OpenId, stoppingToken);
                queue.Done();
                if (!result.Delivered && result != CallbackResult.NotConfigured)
                {
                    logger.LogWarning("Job event push failed after {Attempts} attempts: {Error}", result.Attempts, result.Error);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: events still queued are dropped, as WeChat would never send them to a stopped test.
        }
    }
}
