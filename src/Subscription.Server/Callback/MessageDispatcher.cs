using Microsoft.Extensions.Options;
using Subscription.Server.Subscribers;
using Subscription.WeChat;

namespace Subscription.Server.Callback;

/// <summary>Applies one inbound message or event to subscriber state and decides the reply.</summary>
public sealed class MessageDispatcher(
    SubscriberStore subscribers,
    MenuCommands menu,
    TextCommands text,
    IOptions<ReplyTexts> texts,
    ILogger<MessageDispatcher> logger)
{
    public async Task<Reply?> DispatchAsync(InboundMessage message)
    {
        var openId = message.FromUserName;
        var at = message.CreateTime;
        switch (message)
        {
            case SubscribeEvent follow:
                await subscribers.FollowAsync(openId, at, follow.Scene);
                return new TextReply(texts.Value.Welcome);

            case UnsubscribeEvent:
                await subscribers.UnfollowAsync(openId, at);
                return null; // the follower is gone; a reply would never be seen

            case ScanEvent scan:
                await subscribers.TouchAsync(openId, at, scanScene: scan.Scene);
                return null;

            case ClickEvent click:
                await subscribers.TouchAsync(openId, at);
                return await menu.HandleAsync(click);

            case ViewEvent:
                await subscribers.TouchAsync(openId, at);
                return null;

            case TextMessage textMessage:
                var outcome = await text.HandleAsync(textMessage);
                await subscribers.TouchAsync(openId, at, pushEnabled: outcome.PushEnabled, sections: outcome.Sections);
                return outcome.Reply;

            case UserMessage:
                await subscribers.TouchAsync(openId, at);
                return new TextReply(texts.Value.Default);

            case MassSendJobFinishEvent job:
                logger.LogInformation("Mass send {MsgId} finished: {Status}, sent {Sent} of {Total}, {Errors} errors",
                    job.MsgId, job.Status, job.SentCount, job.TotalCount, job.ErrorCount);
                return null;

            case TemplateSendJobFinishEvent job:
                logger.LogDebug("Template message {MsgId} finished: {Status}", job.MsgId, job.Status);
                return null;

            default:
                // LOCATION reports and unknown types: acknowledged, nothing to change.
                return null;
        }
    }
}
