namespace Subscription.WeChatEmulator.Deliveries;

/// <summary>How a message reached a follower.</summary>
public enum DeliveryChannel
{
    Custom,
    Template,
    Mass,
    Preview,
}

/// <summary>
/// What one follower received: the API that sent it, the msgtype, a readable title (news title, template id,
/// start of a text) and a digest of the full content, so tests can tell "same message twice" from "two messages".
/// </summary>
public sealed record Delivery(string OpenId, DeliveryChannel Channel, string MsgType, string Title, string Digest, long MsgId, DateTimeOffset At);

/// <summary>A message as sent, before it is attributed to recipients.</summary>
public sealed record SentContent(DeliveryChannel Channel, string MsgType, string Title, string Digest, long MsgId, DateTimeOffset At)
{
    public Delivery To(string openId) => new(openId, Channel, MsgType, Title, Digest, MsgId, At);
}
