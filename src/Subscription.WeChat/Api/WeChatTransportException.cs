using System.Net;

namespace Subscription.WeChat.Api;

/// <summary>
/// No usable WeChat answer: time-out, connection failure, an HTTP error status, or a body that is not the
/// expected JSON. Retrying is the caller's job (the server's resilience pipeline), not this library's.
/// </summary>
public sealed class WeChatTransportException : Exception
{
    public WeChatTransportException(string message, HttpStatusCode? statusCode, WeChatErrorClass errorClass, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Class = errorClass;
    }

    /// <summary>The HTTP status, when a response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// <see cref="WeChatErrorClass.Busy"/> for time-outs, connection failures, 5xx, 408 and 429;
    /// <see cref="WeChatErrorClass.Configuration"/> for other HTTP errors (a wrong BaseAddress);
    /// <see cref="WeChatErrorClass.Unknown"/> for an unparseable body.
    /// </summary>
    public WeChatErrorClass Class { get; }
}
