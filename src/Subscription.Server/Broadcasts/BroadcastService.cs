using Microsoft.Extensions.Options;
using Subscription.Server.Archive;
using Subscription.Server.Configuration;
using Subscription.Server.Subscribers;

namespace Subscription.Server.Broadcasts;

/// <summary>A request staff cannot have: the message says why; <see cref="ExistingId"/> names a broadcast it collides with.</summary>
public sealed class BroadcastRequestException(int status, string message, string? existingId = null) : Exception(message)
{
    public int Status { get; } = status;

    public string? ExistingId { get; } = existingId;
}

/// <summary>What staff do with broadcasts: create (now or at a time), pause, resume, cancel, resend to the failed.</summary>
public sealed class BroadcastService(
    BroadcastLedger ledger,
    BroadcastScheduler scheduler,
    ArchiveStore archive,
    ReaderClock clock,
    IOptions<WeChatOptions> account,
    IOptions<BroadcastOptions> options,
    ILogger<BroadcastService> logger)
{
    /// <summary>Mass sends a subscription account may make a day, and mass messages a service-account follower gets a month (§1).</summary>
    public const int SubscriptionMassPerDay = 1, ServiceMassPerMonth = 4;

    /// <returns>The new broadcast's id and warnings about WeChat's allowances.</returns>
    /// <exception cref="BroadcastRequestException">The request cannot be carried out.</exception>
    public async Task<(string Id, IReadOnlyList<string> Warnings)> CreateAsync(BroadcastDefinition definition)
    {
        var channel = definition.Channel;
        RequireAvailable(channel);
        if (channel == BroadcastChannel.MassAll && definition.Sections is not null)
        {
            throw new BroadcastRequestException(400, "Channel 'mass-all' goes to every follower; a section filter needs 'mass-openids', 'template' or 'custom'.");
        }

        if (await archive.GetPublishedAsync(definition.Issue) is null)
        {
            throw new BroadcastRequestException(404, $"Issue {definition.Issue} is not published.");
        }

        var warnings = channel.IsMass() ? await AllowanceWarningsAsync() : [];
        var guard = channel.IsMass()
            ? $"issue:{definition.Issue}:{(definition.Sections is null ? "all" : string.Join(',', definition.Sections.Order(StringComparer.Ordinal)))}"
            : null;
        var (id, created) = await ledger.CreateAsync(definition, guard);
        if (!created)
        {
            throw new BroadcastRequestException(409, $"Issue {definition.Issue} already has a mass send to this audience (broadcast {id}); WeChat would treat a second one as a duplicate.", id);
        }

        if (channel.IsMass())
        {
            var now = clock.Now;
            await ledger.CountMassSendAsync(clock.Day(now), clock.Month(now));
        }

        await scheduler.ScheduleStartAsync(id, definition.At);
        logger.LogInformation("Broadcast {Id}: issue {Issue} by {Channel}, {When}", id, definition.Issue, channel.Name(),
            definition.At is { } at ? $"at {clock.ToLocal(at):yyyy-MM-dd HH:mm zzz}" : "now");
        return (id, warnings);
    }

    /// <summary>The account's default broadcast of a just-published issue: default channel, next default time of day.</summary>
    public Task<(string Id, IReadOnlyList<string> Warnings)> CreateDefaultAsync(int issue)
    {
        var o = options.Value;
        DateTimeOffset? at = null;
        if (o.DefaultTime.Length > 0)
        {
            var now = clock.Now;
            var time = TimeOnly.ParseExact(o.DefaultTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            var today = new DateTimeOffset(DateOnly.FromDateTime(now.DateTime).ToDateTime(time), now.Offset);
            at = today > now ? today : today.AddDays(1);
        }

        return CreateAsync(new BroadcastDefinition(issue, o.Channel, null, at));
    }

    public async Task<Broadcast> PauseAsync(string id) => await ActAsync(id, "pause", "Paused by staff.");

    public async Task<Broadcast> ResumeAsync(string id)
    {
        var broadcast = await ActAsync(id, "resume");
        await scheduler.KickAsync(id);
        return broadcast;
    }

    public async Task<Broadcast> CancelAsync(string id)
    {
        var broadcast = await ActAsync(id, "cancel", "Cancelled by staff.");
        await scheduler.DeletePendingAsync(id);
        return broadcast;
    }

    /// <summary>A new broadcast to exactly the followers this one failed; once per broadcast.</summary>
    public async Task<string> ResendFailedAsync(string id)
    {
        var source = await ledger.GetAsync(id) ?? throw new BroadcastRequestException(404, $"No broadcast '{id}'.");
        // A mass-openids broadcast has an outcome of their own only for followers a slice left alone, whom mass/send
        // refuses (40130): they were sent, or failed, the digest template, and are resent with it.
        var channel = source.Definition.Channel switch
        {
            BroadcastChannel.MassOpenIds => BroadcastChannel.Template,
            var perFollower when perFollower.IsPerFollower() => perFollower,
            _ => throw new BroadcastRequestException(400, "A mass-all broadcast is one send to everyone, and WeChat reports only how many it failed, not who: there is no follower to resend to."),
        };

        if (!source.State.IsFinal())
        {
            throw new BroadcastRequestException(409, $"Broadcast {id} is {source.State.Name()}; resend its failures once it has finished.");
        }

        if (source.Counts.Failed == 0)
        {
            throw new BroadcastRequestException(409, $"Broadcast {id} has no failed followers.");
        }

        // Checked before the results: a resend that exists answers so, even after the results are gone.
        var guard = $"resend:{id}";
        if (await ledger.GuardHolderAsync(guard) is { } earlier)
        {
            throw AlreadyResent(id, earlier);
        }

        if (!await ledger.HasOutcomesAsync(id))
        {
            var keep = options.Value.KeepFollowerResults;
            throw new BroadcastRequestException(410,
                $"Who failed in broadcast {id} is no longer known: follower results are kept {(keep.TotalDays >= 1 ? $"{keep.TotalDays:0.#} days" : keep.ToString())} "
                + "after a broadcast ends (Broadcasts:KeepFollowerResults). Start a new broadcast instead.");
        }

        RequireAvailable(channel);
        var (resend, created) = await ledger.CreateAsync(source.Definition with { Channel = channel, At = null, Source = id }, guard);
        if (!created)
        {
            throw AlreadyResent(id, resend);
        }

        await scheduler.ScheduleStartAsync(resend, null);
        return resend;
    }

    private void RequireAvailable(BroadcastChannel channel)
    {
        if (!channel.AvailableTo(account.Value.AccountType))
        {
            throw new BroadcastRequestException(400, $"Channel '{channel.Name()}' needs a service account; this account is a {account.Value.AccountType.ToString().ToLowerInvariant()} account.");
        }

        if (channel == BroadcastChannel.Template && string.IsNullOrWhiteSpace(account.Value.DigestTemplateId))
        {
            throw new BroadcastRequestException(400, "Channel 'template' needs the setting WeChat:DigestTemplateId.");
        }
    }

    private static BroadcastRequestException AlreadyResent(string id, string resend) =>
        new(409, $"The failures of broadcast {id} were already resent (broadcast {resend}).", resend);

    /// <summary>A chunk job stopped: a fatal error pauses with its reason; an exhausted quota pauses until it resets.</summary>
    public async Task StopForAsync(string id, SendStop stop)
    {
        switch (stop.Kind)
        {
            case StopKind.Fatal:
                if ((await ledger.TransitionAsync(id, "pause", stop.Reason)).Applied)
                {
                    logger.LogError("Broadcast {Id} paused: {Reason}", id, stop.Reason);
                }

                break;
            case StopKind.QuotaExhausted:
                // Daily quotas reset at midnight Beijing time (§14); a minute's margin for clock skew.
                var now = clock.Now;
                var resumeAt = new DateTimeOffset(now.Date.AddDays(1).AddMinutes(1), now.Offset);
                // The pause carries its resume time: whoever sees the broadcast paused sees when it goes on.
                if ((await ledger.TransitionAsync(id, "pause", $"{stop.Reason}; resumes at {resumeAt:yyyy-MM-dd HH:mm zzz}", resumeAt)).Applied)
                {
                    await scheduler.ScheduleResumeAsync(id, resumeAt);
                    logger.LogWarning("Broadcast {Id} paused until {ResumeAt}: {Reason}", id, resumeAt, stop.Reason);
                }

                break;
        }
    }

    private async Task<Broadcast> ActAsync(string id, string action, string reason = "")
    {
        var (applied, state) = await ledger.TransitionAsync(id, action, reason);
        if (state is null)
        {
            throw new BroadcastRequestException(404, $"No broadcast '{id}'.");
        }

        if (!applied)
        {
            throw new BroadcastRequestException(409, $"Broadcast {id} is {state.Value.Name()}; it cannot be {action switch { "pause" => "paused", "resume" => "resumed", _ => "cancelled" }}.");
        }

        logger.LogInformation("Broadcast {Id}: {Action} by staff", id, action);
        return (await ledger.GetAsync(id))!;
    }

    private async Task<IReadOnlyList<string>> AllowanceWarningsAsync()
    {
        var now = clock.Now;
        var (day, month) = await ledger.MassUsageAsync(clock.Day(now), clock.Month(now));
        var warnings = new List<string>();
        if (account.Value.AccountType == AccountType.Subscription && day >= SubscriptionMassPerDay)
        {
            warnings.Add($"A subscription account may mass-send once a day; {day} mass send(s) were already made today, so WeChat will refuse this one (45028).");
        }

        if (account.Value.AccountType == AccountType.Service && month >= ServiceMassPerMonth)
        {
            warnings.Add($"Each follower receives at most {ServiceMassPerMonth} mass messages a month; {month} were already sent this month, so WeChat will filter this one out for many followers.");
        }

        return warnings;
    }
}
