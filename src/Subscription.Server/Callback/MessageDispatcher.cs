using Microsoft.Extensions.Options;
using Subscription.Server.Broadcasts;
using Subscription.Server.Subscribers;
using Subscription.WeChat;

namespace Subscription.Server.Callback;

/// <summary>What a callback changes for its follower, and what the account answers.</summary>
public sealed record Decision(SubscriberChange Change, Reply? Reply);

/// <summary>
/// Decides, per message or event, the follower's change and the reply. It reads (the archive, a follower's
/// sections) but writes no follower state: <see cref="DeliveryLedger"/> applies the change atomically with the
/// retry check. Send-job results go to the broadcast ledger.
/// </summary>
public sealed class MessageDispatcher(
    MenuCommands menu,
    TextCommands text,
    IOptions<ReplyTexts> texts,
    JobFinishReconciler jobs)
{
    public async Task<Decision> DecideAsync(InboundMessage message)
    {
        var openId = message.FromUserName;
        var at = message.CreateTime;
        var touch = new SubscriberChange(SubscriberOperation.Touch, openId, at);
        switch (message)
        {
            case SubscribeEvent follow:
                return new(new SubscriberChange(SubscriberOperation.Follow, openId, at, Scene: follow.Scene), new TextReply(texts.Value.Welcome));

            case UnsubscribeEvent:
                // The follower is gone; a reply would never be seen.
                return new(new SubscriberChange(SubscriberOperation.Unfollow, openId, at), null);

            case ScanEvent scan:
                return new(touch with { ScanScene = scan.Scene }, null);

            case ClickEvent click:
                return new(touch, await menu.HandleAsync(click));

            case ViewEvent:
                return new(touch, null);

            case TextMessage textMessage:
                var outcome = await text.HandleAsync(textMessage);
                return new(touch with { PushEnabled = outcome.PushEnabled, Sections = outcome.Sections }, outcome.Reply);

            case UserMessage:
                return new(touch, new TextReply(texts.Value.Default));

            case MassSendJobFinishEvent job:
                // Job results go to the broadcast ledger, whose scripts record each once, whatever WeChat retries.
                await jobs.MassFinishedAsync(job);
                return new(SubscriberChange.Nothing(openId, at), null);

            case TemplateSendJobFinishEvent job:
                await jobs.TemplateFinishedAsync(job);
                return new(SubscriberChange.Nothing(openId, at), null);

            default:
                // LOCATION reports and unknown types: acknowledged, nothing to change.
                return new(SubscriberChange.Nothing(openId, at), null);
        }
    }
}
