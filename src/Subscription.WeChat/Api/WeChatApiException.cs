namespace Subscription.WeChat.Api;

/// <summary>WeChat answered with a non-zero errcode (§15).</summary>
public sealed class WeChatApiException : Exception
{
    public WeChatApiException(int errCode, string errMsg, WeChatErrorClass errorClass, string? endpoint = null)
        : base($"WeChat {endpoint ?? "API"} failed with errcode {errCode} ({errorClass}): {errMsg}")
    {
        ErrCode = errCode;
        ErrMsg = errMsg;
        Class = errorClass;
        Endpoint = endpoint;
    }

    public int ErrCode { get; }

    /// <summary>WeChat's errmsg as sent, including its <c>rid</c>, which <c>/cgi-bin/openapi/rid/get</c> explains for 7 days.</summary>
    public string ErrMsg { get; }

    public WeChatErrorClass Class { get; }

    /// <summary>The API path, without query string (which holds the credential).</summary>
    public string? Endpoint { get; }

    /// <summary>See <see cref="WeChatErrors.IsFollowerGone"/>.</summary>
    public bool IsFollowerGone => WeChatErrors.IsFollowerGone(ErrCode);
}
