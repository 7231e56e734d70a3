namespace Subscription.WeChat;

/// <summary>An inbound callback body that is not acceptable XML or lacks a required field.</summary>
public sealed class WeChatXmlException : Exception
{
    public WeChatXmlException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
