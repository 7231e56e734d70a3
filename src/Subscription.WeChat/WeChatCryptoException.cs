namespace Subscription.WeChat;

public sealed class WeChatCryptoException : Exception
{
    public WeChatCryptoException(CryptoError error, string message)
        : base(message)
    {
        Error = error;
    }

    public WeChatCryptoException(CryptoError error, string message, Exception? innerException)
        : base(message, innerException)
    {
        Error = error;
    }

    public CryptoError Error { get; }
}
