using System.Collections.ObjectModel;
using System.Globalization;

namespace Subscription.WeChat;

/// <summary>
/// Any MsgType or Event this library does not model (file, scancode_push, PUBLISHJOBFINISH,
/// subscribe_msg_popup_event, …). New kinds appear over time; they must never make a callback fail.
/// </summary>
public sealed record UnknownMessage : InboundMessage
{
    /// <summary>The Event value for MsgType "event".</summary>
    public string? Event { get; init; }

    /// <summary>
    /// Every element with text content. Nested elements are keyed by path ("PublishEventInfo/publish_id");
    /// when a name repeats (list items), the first occurrence wins.
    /// </summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Events use the event key, messages with a MsgId "msg:{MsgId}", anything else From + CreateTime + MsgType.</summary>
    public override string DeduplicationKey
    {
        get
        {
            if (Event is not null)
            {
                return Fields.TryGetValue("EventKey", out var key) && key.Length > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"evt:{FromUserName}:{CreateTime}:{Event}:{key}")
                    : string.Create(CultureInfo.InvariantCulture, $"evt:{FromUserName}:{CreateTime}:{Event}");
            }

            return Fields.TryGetValue("MsgId", out var msgId) && msgId.Length > 0
                ? $"msg:{msgId.Trim()}"
                : string.Create(CultureInfo.InvariantCulture, $"msg:{FromUserName}:{CreateTime}:{MsgType}");
        }
    }
}
