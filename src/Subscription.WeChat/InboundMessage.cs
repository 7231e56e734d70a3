namespace Subscription.WeChat;

/// <summary>A parsed callback body: the common envelope of every message and event (spec §4.1).</summary>
public abstract record InboundMessage
{
    /// <summary>The account's original id (gh_…).</summary>
    public required string ToUserName { get; init; }

    /// <summary>The sender's OpenID.</summary>
    public required string FromUserName { get; init; }

    /// <summary>Unix seconds.</summary>
    public required long CreateTime { get; init; }

    /// <summary>As sent (text, image, event, …).</summary>
    public required string MsgType { get; init; }

    /// <summary>
    /// Identifies WeChat's retries of the same push (it re-sends after 5 s without an answer):
    /// "msg:{MsgId}" for user messages, "evt:{FromUserName}:{CreateTime}:{Event}[:{EventKey}]" for events,
    /// "evt:{Event}:{MsgID}" for the job-finish events.
    /// </summary>
    public abstract string DeduplicationKey { get; }
}
