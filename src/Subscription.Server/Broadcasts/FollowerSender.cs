using Microsoft.Extensions.Options;
using Subscription.Server.Configuration;
using Subscription.Server.Digests;
using Subscription.Server.Issues;
using Subscription.Server.Subscribers;
using Subscription.Server.WeChatApi;
using Subscription.WeChat.Api;

namespace Subscription.Server.Broadcasts;

/// <summary>
/// Sends one follower their message on a per-follower channel, retrying what may be retried, and returns the
/// ledger outcome: "s:msgid", "k:reason", "f:errcode"; or, when it stopped, "-" if no attempt can have reached
/// them and "?" if one may have (it had no usable answer): their claim then stays, for a later job to send again
/// only while WeChat de-duplicates.
/// </summary>
public sealed class FollowerSender(
    WeChatApiClient api,
    DigestRenderer digests,
    RateLimiter limiter,
    SubscriberStore subscribers,
    TimeProvider time,
    IOptions<WeChatOptions> account,
    IOptions<BroadcastOptions> options,
    ILogger<FollowerSender> logger)
{
    public static readonly RateLimit PerFollowerLimit = new("broadcast-sends", 1, TimeSpan.FromSeconds(1));

    /// <summary>
    /// One attempt. A transient failure that may be retried returns when to try again instead of waiting here, so a
    /// follower waiting out a back-off holds no send slot and keeps no one else waiting.
    /// </summary>
    /// <returns>The outcome, or "" with the retry.</returns>
    public async Task<(string Outcome, FollowerRetry? Retry)> AttemptAsync(
        string broadcastId, BroadcastChannel channel, Issue issue, FollowerSend follower, SendStop stop, CancellationToken cancellationToken)
    {
        var (openId, claim) = (follower.OpenId, follower.Claim);
        var attempt = follower.Retry?.Attempt ?? 1;
        var unknown = follower.Retry?.Unknown ?? claim.Retrying;
        if (follower.Retry is null && claim.Retrying && channel == BroadcastChannel.Custom)
        {
            // A customer-service message has no idempotency key: resending could deliver it twice.
            return ("f:unconfirmed", null);
        }

        if (stop.Stopped || cancellationToken.IsCancellationRequested)
        {
            return (Stopped(), null);
        }

        var o = options.Value;
        if (unknown && time.GetUtcNow() - claim.FirstClaimed > o.RetryUnknownWithin)
        {
            // WeChat may no longer know the client_msg_id: a repeat could deliver twice.
            return ("f:unconfirmed", null);
        }

        if (o.SendsPerSecond > 0)
        {
            await limiter.AcquireAsync(PerFollowerLimit with { Limit = o.SendsPerSecond }, cancellationToken);
            if (stop.Stopped)
            {
                return (Stopped(), null);
            }
        }

        string last;
        try
        {
            var msgId = await SendOnceAsync(broadcastId, channel, issue, openId, follower.Sections, cancellationToken);
            stop.Succeeded();
            return ("s:" + msgId, null);
        }
        catch (WeChatApiException e)
        {
            last = e.ErrCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            switch (e.Class)
            {
                case WeChatErrorClass.Recipient when e.IsFollowerGone:
                    // WeChat says they left (§16.5): the audience forgets them as an unfollow event would.
                    await subscribers.UnfollowAsync(openId, time.GetUtcNow().ToUnixTimeSeconds());
                    return ("k:" + SkipReasons.Unsubscribed, null);
                case WeChatErrorClass.Recipient:
                    return (e.ErrCode == 45015 ? "k:" + SkipReasons.OutsideWindow : "f:" + last, null);
                case WeChatErrorClass.QuotaExhausted when e.ErrCode != 45009 || stop.QuotaFailed():
                    stop.Stop(StopKind.QuotaExhausted, $"WeChat quota exhausted ({e.ErrCode}: {e.ErrMsg})");
                    return (Stopped(), null);
                case WeChatErrorClass.QuotaExhausted or WeChatErrorClass.Busy or WeChatErrorClass.RateLimited:
                    break;
                default:
                    stop.Stop(StopKind.Fatal, $"WeChat refused the send ({e.ErrCode}, {e.Class}): {e.ErrMsg}");
                    return (Stopped(), null);
            }
        }
        catch (WeChatTransportException e) when (e.Class == WeChatErrorClass.Configuration)
        {
            stop.Stop(StopKind.Fatal, e.Message);
            return (Stopped(), null);
        }
        catch (WeChatTransportException e)
        {
            // Without a usable answer WeChat may have delivered. A template retry carries the same client_msg_id,
            // which WeChat de-duplicates for a while; a customer-service message, which has no such key, is
            // retried only after an HTTP error status, taken to mean the call never reached WeChat's servers.
            last = e.StatusCode is { } status ? "http-" + (int)status : "timeout";
            if (channel != BroadcastChannel.Custom)
            {
                unknown = true;
            }
            else if (e.StatusCode is null)
            {
                return ("f:" + last, null);
            }
        }

        if (attempt >= o.MaxAttempts)
        {
            return ("f:" + last, null);
        }

        var delay = o.Backoff(attempt);
        logger.LogDebug("Broadcast {Id}: attempt {Attempt} for a follower failed ({Error}); retrying in {Delay}", broadcastId, attempt, last, delay);
        return ("", new FollowerRetry(attempt + 1, unknown, time.GetUtcNow() + delay));

        string Stopped() => unknown ? "?" : "-";
    }

    /// <summary>Every attempt, waiting out each back-off here: for a follower sent to alone.</summary>
    public async Task<string> SendAsync(
        string broadcastId, BroadcastChannel channel, Issue issue, FollowerSend follower, SendStop stop, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (outcome, retry) = await AttemptAsync(broadcastId, channel, issue, follower, stop, cancellationToken);
            if (retry is null)
            {
                return outcome;
            }

            if (!await stop.WaitAsync(retry.Due - time.GetUtcNow(), cancellationToken))
            {
                return retry.WhenStopped;
            }

            follower = follower with { Retry = retry };
        }
    }

    /// <summary>
    /// The keyword values are the same for every follower: rendered once per job, then read by every send in flight.
    /// A class, published by one reference write, so a send never sees a half-written pair (a nullable tuple could
    /// be read torn: the issue set, its values still null).
    /// </summary>
    private sealed record TemplateFields(Issue Issue, IReadOnlyDictionary<string, string> Values);

    private TemplateFields? _fields;

    /// <summary>WeChat de-duplicates a template message by openid + this id, so a retry after a time-out is safe.</summary>
    public static string TemplateClientMsgId(string broadcastId, string openId) => $"{broadcastId}-{openId}";

    private async Task<long> SendOnceAsync(
        string broadcastId, BroadcastChannel channel, Issue issue, string openId, IReadOnlyList<string> sections, CancellationToken cancellationToken)
    {
        if (channel == BroadcastChannel.Template)
        {
            var known = _fields;
            if (known is null || !ReferenceEquals(known.Issue, issue))
            {
                _fields = known = new TemplateFields(issue, digests.TemplateFields(issue));
            }

            return await api.SendTemplateAsync(new TemplateMessage
            {
                ToUser = openId,
                TemplateId = account.Value.DigestTemplateId,
                Url = digests.IssuePage(issue),
                ClientMsgId = TemplateClientMsgId(broadcastId, openId),
                Data = known.Values,
            }, cancellationToken);
        }

        await api.SendCustomNewsAsync(openId, digests.NewsCard(issue, sections.Count == 0 ? null : sections), cancellationToken);
        return 0;
    }
}
