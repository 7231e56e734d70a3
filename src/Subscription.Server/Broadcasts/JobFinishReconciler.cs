using Subscription.WeChat;

namespace Subscription.Server.Broadcasts;

/// <summary>
/// MASSSENDJOBFINISH and TEMPLATESENDJOBFINISH (§4.6, §4.7) into the ledger: WeChat's counts for a mass job,
/// and a template send WeChat could not deliver ("failed:user block") turned from sent into failed. Both
/// record once, so WeChat's retries of the same event change nothing. Template messages come from template
/// broadcasts, and from mass-openids ones for a slice left with a single follower.
/// </summary>
public sealed class JobFinishReconciler(BroadcastLedger ledger, ILogger<JobFinishReconciler> logger)
{
    /// <summary>How many recent broadcasts a template result is matched against.</summary>
    private const int RecentBroadcasts = 20;

    public async Task MassFinishedAsync(MassSendJobFinishEvent job)
    {
        if (await ledger.MassJobAsync(job.MsgId) is not var (id, chunk))
        {
            logger.LogInformation("Mass send {MsgId} finished ({Status}); not one of ours", job.MsgId, job.Status);
            return;
        }

        var status = job.Status.Replace(" ", "", StringComparison.Ordinal);
        await ledger.MassFinishedAsync(id, chunk, status, job.TotalCount, job.FilterCount, job.SentCount, job.ErrorCount);
        logger.LogInformation("Broadcast {Id} chunk {Chunk}: mass job {MsgId} finished ({Status}), sent {Sent} of {Total}, {Errors} errors",
            id, chunk, job.MsgId, status, job.SentCount, job.TotalCount, job.ErrorCount);
    }

    public async Task TemplateFinishedAsync(TemplateSendJobFinishEvent job)
    {
        // A broadcast newer than the cached list is found on a second look with the list read afresh.
        foreach (var fresh in new[] { false, true })
        {
            // At most one broadcast sent this msgid, and only that one's script writes: they can run together.
            var ids = await RecentTemplateSendersAsync(fresh);
            var matched = await Task.WhenAll(ids.Select(id => ledger.TemplateFinishedAsync(id, job.FromUserName, job.MsgId, job.Status)));
            if (matched.Any(m => m))
            {
                return;
            }
        }
    }

    /// <summary>
    /// The recent broadcasts that sent template messages, newest first: template broadcasts, and mass-openids ones
    /// with a follower outcome (only a slice left with one follower records one). A broadcast to a million followers
    /// brings a million of these events, so the list is read about once a second rather than per event.
    /// </summary>
    private async Task<IReadOnlyList<string>> RecentTemplateSendersAsync(bool fresh)
    {
        if (!fresh && _recent is { } recent && Environment.TickCount64 < recent.Until)
        {
            return recent.Ids;
        }

        var broadcasts = await ledger.RecentAsync(RecentBroadcasts);
        var sent = await Task.WhenAll(broadcasts.Select(b => b.Channel switch
        {
            BroadcastChannel.Template => Task.FromResult(true),
            BroadcastChannel.MassOpenIds => ledger.HasOutcomesAsync(b.Id),
            _ => Task.FromResult(false),
        }));
        var ids = broadcasts.Where((_, i) => sent[i]).Select(b => b.Id).ToList();

        _recent = new Recent(ids, Environment.TickCount64 + 1_000);
        return ids;
    }

    private volatile Recent? _recent;

    private sealed record Recent(IReadOnlyList<string> Ids, long Until);
}
