using System.Globalization;

namespace Subscription.WeChat;

/// <summary>
/// The result of a mass send (spec §4.6). Status is raw: "send success", "send fail", "err(30003)"…
/// (the legacy sample says "sendsuccess"). Counts may be approximate: WeChat can push this slightly early.
/// </summary>
public sealed record MassSendJobFinishEvent : EventMessage
{
    /// <summary>From &lt;MsgID&gt; (capital D): the msg_id that sendall/send returned.</summary>
    public long MsgId { get; init; }

    public string Status { get; init; } = "";

    public int TotalCount { get; init; }

    public int FilterCount { get; init; }

    public int SentCount { get; init; }

    public int ErrorCount { get; init; }

    /// <summary>"evt:{Event}:{MsgID}"; falls back to the generic event key when MsgID was missing.</summary>
    public override string DeduplicationKey => JobKeys.For(this, MsgId);
}

/// <summary>
/// The delivery result of a template message (spec §4.7). Status is raw: "success", "failed:user block",
/// "failed: system failed" (the spacing differs between the two failures).
/// </summary>
public sealed record TemplateSendJobFinishEvent : EventMessage
{
    /// <summary>From &lt;MsgID&gt;: the msgid that template send returned.</summary>
    public long MsgId { get; init; }

    public string Status { get; init; } = "";

    public override string DeduplicationKey => JobKeys.For(this, MsgId);
}

file static class JobKeys
{
    // One job id reports once, so the id is the key; 0 means MsgID was missing or unparsable, and sharing
    // "evt:…:0" between unrelated pushes would silently drop them as duplicates.
    public static string For(EventMessage e, long msgId) => msgId == 0
        ? string.Create(CultureInfo.InvariantCulture, $"evt:{e.FromUserName}:{e.CreateTime}:{e.Event}")
        : string.Create(CultureInfo.InvariantCulture, $"evt:{e.Event}:{msgId}");
}
