using Microsoft.Extensions.Options;
using Subscription.Server.Configuration;
using Subscription.Server.Digests;
using Subscription.Server.Issues;
using Subscription.Server.Subscribers;
using Subscription.Server.WeChatApi;
using Subscription.WeChat.Api;

namespace Subscription.Server.Broadcasts;

/// <summary>
/// The mass channels: one mass/send per chunk of openids, or one sendall. The clientmsgid is fixed per
/// (broadcast, chunk), so a retry after a time-out or a crash is answered 45065 with the job that exists,
/// and counted as sent; it is never a second send.
/// </summary>
public sealed class MassSender(
    WeChatApiClient api,
    BroadcastLedger ledger,
    SubscriberStore subscribers,
    FollowerSender followers,
    BroadcastScheduler scheduler,
    DigestRenderer digests,
    RateLimiter limiter,
    TimeProvider time,
    IOptions<WeChatOptions> account,
    IOptions<BroadcastOptions> options,
    ILogger<MassSender> logger)
{
    public static string ClientMsgId(string broadcastId, int chunk) => $"{broadcastId}-{chunk}";

    /// <param name="at">The chunk as read under this job's lease.</param>
    public async Task SendChunkAsync(Broadcast broadcast, Issue issue, int chunk, ChunkPosition at, string token, SendStop stop, CancellationToken cancellationToken)
    {
        var id = broadcast.Id;
        if (at.MassMsgId is not null || at.Unsendable)
        {
            await ledger.ChunkDoneAsync(id, chunk, token);
            return;
        }

        Recipients? to;
        if (broadcast.Definition.Channel != BroadcastChannel.MassOpenIds)
        {
            to = new Recipients([], 0, 0);
        }
        else if (at is { SliceCount: { } planned, Range: { } slice })
        {
            (to, var unfinished) = await SliceRecipientsAsync(id, issue, chunk, planned, slice, token, cancellationToken);
            if (unfinished)
            {
                return;
            }
        }
        else
        {
            to = await ListRecipientsAsync(id, chunk, at);
        }

        if (to is null)
        {
            if (await ledger.ChunkDoneAsync(id, chunk, token))
            {
                logger.LogInformation("Broadcast {Id} completed", id);
            }

            return;
        }

        var (recipients, skipped) = (to.OpenIds, to.Skipped);
        var content = await ContentAsync(broadcast, issue, cancellationToken);
        var o = options.Value;
        for (var attempt = 1; !stop.Stopped && !cancellationToken.IsCancellationRequested; attempt++)
        {
            if (o.MassPerMinute > 0)
            {
                await limiter.AcquireAsync(RateLimit.MassSend with { Limit = o.MassPerMinute }, cancellationToken);
            }

            TimeSpan? wait = null;
            try
            {
                var result = broadcast.Definition.Channel == BroadcastChannel.MassOpenIds
                    ? await api.SendMassToOpenIdsAsync(recipients, content, ClientMsgId(id, chunk), cancellationToken: cancellationToken)
                    : await api.SendMassToAllAsync(content, ClientMsgId(id, chunk), cancellationToken: cancellationToken);
                var members = broadcast.Definition.Channel == BroadcastChannel.MassOpenIds ? recipients.Count : (int)broadcast.Audience;
                await ledger.MassSentAsync(id, chunk, result.MsgId, members, skipped, result.AlreadySent, to.AudienceChange);
                if (await ledger.ChunkDoneAsync(id, chunk, token))
                {
                    logger.LogInformation("Broadcast {Id} completed", id);
                }

                if (at.SliceCount is not null)
                {
                    await subscribers.ForgetSliceAsync(id, chunk);
                }

                return;
            }
            catch (WeChatApiException e) when (e.Class is WeChatErrorClass.QuotaExhausted)
            {
                stop.Stop(StopKind.QuotaExhausted, $"WeChat mass-send quota exhausted ({e.ErrCode}: {e.ErrMsg})");
            }
            catch (WeChatApiException e) when (e.Class is WeChatErrorClass.Busy or WeChatErrorClass.RateLimited or WeChatErrorClass.Duplicate)
            {
                wait = e.ErrCode == 45066 ? o.RetryTooFastDelay : WeChatErrors.MinimumRetryDelay(e.ErrCode);
            }
            catch (WeChatApiException e)
            {
                stop.Stop(StopKind.Fatal, $"WeChat refused the mass send ({e.ErrCode}, {e.Class}): {e.ErrMsg}");
            }
            catch (WeChatTransportException e) when (e.Class == WeChatErrorClass.Configuration)
            {
                stop.Stop(StopKind.Fatal, e.Message);
            }
            catch (WeChatTransportException)
            {
                // WeChat may have accepted the job: the retry's clientmsgid makes that a 45065, not a second send.
            }

            if (!stop.Stopped)
            {
                var delay = wait ?? o.Backoff(attempt);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    /// <summary>The openids of a chunk planned as a list; null when there is nothing to send.</summary>
    private async Task<Recipients?> ListRecipientsAsync(string id, int chunk, ChunkPosition at)
    {
        var members = await ledger.MembersAsync(id, chunk, 0, WeChatApiClient.MaxMassSendOpenIds);
        if (members.Count == 0)
        {
            // Planning never closes an empty chunk: the broadcast became final and its plan was tidied away.
            return null;
        }

        var reach = await subscribers.ReachAsync(members, at.Range);
        var still = members.Where((_, i) => reach[i] == Reach.Reachable).ToList();
        // mass/send needs two openids; WeChat itself filters those who left, so a short list goes as snapshotted.
        return still.Count >= WeChatApiClient.MinMassSendOpenIds ? new(still, members.Count - still.Count, 0) : new(members, 0, 0);
    }

    /// <summary>
    /// Who in a slice of the audience takes pushes, fixed at the chunk's first attempt so that every retry sends to
    /// the same list: one WeChat may already have taken is answered 45065 for that list, never sent again, and no one
    /// it reached is split off into another chunk. Those who left since planning are skipped; those who came back
    /// since are in it, and if that takes the slice past the chunk size (at most what mass/send accepts), the rest
    /// becomes a chunk of its own. Null recipients when the slice was settled without a mass send (fewer than two
    /// left); unfinished when the lease was lost or the job is stopping, and the chunk stays open.
    /// </summary>
    private async Task<(Recipients? To, bool Unfinished)> SliceRecipientsAsync(
        string id, Issue issue, int chunk, int planned, AudienceRange slice, string token, CancellationToken cancellationToken)
    {
        var read = await subscribers.FixSliceAsync(id, chunk, slice, options.Value.MassChunkSize, FixedSliceKeep);
        if (read.RestAfter is { } through)
        {
            var rest = await ledger.SplitSliceAsync(id, chunk, token, through);
            if (rest < 0)
            {
                return (null, true);
            }

            logger.LogInformation("Broadcast {Id}: chunk {Chunk} holds more than one mass send; the rest is chunk {Rest}", id, chunk, rest);
            await scheduler.EnsureChunkJobAsync(id, rest);
        }

        var skipped = Math.Max(0, planned - read.Members);
        var change = read.OpenIds.Count + skipped - planned;
        if (read.OpenIds.Count >= WeChatApiClient.MinMassSendOpenIds)
        {
            return (new Recipients(read.OpenIds, skipped, change), false);
        }

        (string, string)? lone = null;
        if (read.OpenIds is [var openId])
        {
            var (settled, outcome) = await LoneOutcomeAsync(id, issue, chunk, token, openId, cancellationToken);
            if (!settled)
            {
                return (null, true);
            }

            lone = outcome is null ? null : (openId, outcome);
        }

        if (!await ledger.SliceUnsendableAsync(id, chunk, token, skipped, change, lone))
        {
            return (null, true);
        }

        await subscribers.ForgetSliceAsync(id, chunk);
        return (null, false);
    }

    /// <summary>
    /// mass/send takes no single openid (40130). Where the account has a digest template, a template message reaches
    /// the lone follower, claimed and sent as on the template channel: a repeat carries the same client_msg_id,
    /// which WeChat de-duplicates, and is made only while it does. A customer-service message has no such key and
    /// could arrive twice, so without a template, or when WeChat refuses it, they are failed 40130: one follower's
    /// template error does not pause the mass broadcast.
    /// </summary>
    /// <returns>
    /// Settled with the outcome to record with the slice ("s:msgid", "f:errcode", "k:reason"), or with null when the
    /// ledger has their outcome already; unsettled when the job is stopping or lost the chunk.
    /// </returns>
    private async Task<(bool Settled, string? Outcome)> LoneOutcomeAsync(
        string id, Issue issue, int chunk, string token, string openId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(account.Value.DigestTemplateId))
        {
            return (true, "f:40130");
        }

        var (state, claims) = await ledger.ClaimAsync(id, chunk, token, [(openId, "")]);
        if (state != "running")
        {
            return (false, null);
        }

        if (!claims[0].Send)
        {
            return (true, null);
        }

        var refused = new SendStop(time, options.Value.QuotaExhaustedAfter);
        var outcome = await followers.SendAsync(id, BroadcastChannel.Template, issue, new FollowerSend(0, openId, [], claims[0]), refused, cancellationToken);
        if (outcome is not ("-" or "?"))
        {
            return (true, outcome);
        }

        if (refused.Stopped)
        {
            logger.LogWarning("Broadcast {Id}: a slice left with one follower, who mass/send cannot take alone; the template send was refused too: {Reason}",
                id, refused.Reason);
            // After an attempt with no answer they may have the template: "unconfirmed" says so, where 40130 would not.
            return (true, outcome == "-" ? "f:40130" : "f:unconfirmed");
        }

        // The job is stopping. A claim never tried is given back; "?" keeps it, for the next job to send again only
        // while WeChat de-duplicates.
        if (outcome == "-")
        {
            await ledger.RecordAsync(id, chunk, token, null, [(openId, "-")]);
        }

        return (false, null);
    }

    /// <summary>How long a slice's fixed list outlives a chunk that never finished: past any retry, pause or resume.</summary>
    private static readonly TimeSpan FixedSliceKeep = TimeSpan.FromDays(7);

    /// <param name="AudienceChange">How far the chunk's audience differs from what planning counted.</param>
    private sealed record Recipients(IReadOnlyList<string> OpenIds, int Skipped, int AudienceChange);

    /// <summary>A draft article with the configured cover, created once per broadcast; else the text digest.</summary>
    private async Task<MassContent> ContentAsync(Broadcast broadcast, Issue issue, CancellationToken cancellationToken)
    {
        var cover = options.Value.CoverMediaId;
        if (cover.Length == 0)
        {
            return MassContent.Text(digests.TextDigest(issue));
        }

        if (await ledger.GetMetaAsync(broadcast.Id, "draft") is { Length: > 0 } existing)
        {
            return MassContent.News(existing);
        }

        var article = digests.DraftArticle(issue);
        var mediaId = await api.AddDraftAsync(
        [
            new WeChat.Api.DraftArticle
            {
                Title = article.Title, Author = article.Author, Digest = article.Digest, Content = article.Content,
                ContentSourceUrl = article.ContentSourceUrl, ThumbMediaId = cover,
            },
        ], cancellationToken);
        await ledger.SetMetaAsync(broadcast.Id, "draft", mediaId);
        return MassContent.News(mediaId);
    }
}
