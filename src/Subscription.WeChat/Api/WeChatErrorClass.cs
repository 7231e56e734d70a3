namespace Subscription.WeChat.Api;

/// <summary>What the caller should do about an errcode (§15). See <see cref="WeChatErrors"/> for the table.</summary>
public enum WeChatErrorClass
{
    /// <summary>Not in the table: log errcode and errmsg (with its rid) and treat as a failure for a human to look at.</summary>
    Unknown,

    /// <summary>access_token invalid, not the latest, or expired. <see cref="WeChatApiClient"/> has already refreshed and retried once.</summary>
    TokenInvalid,

    /// <summary>Short-window rate limit: back off and retry later.</summary>
    RateLimited,

    /// <summary>A daily or monthly quota is used up: stop calling that API until it resets, and alert.</summary>
    QuotaExhausted,

    /// <summary>System busy (−1) or a transport failure: retry with backoff and the same idempotency key.</summary>
    Busy,

    /// <summary>About one follower only: skip that follower and carry on with the rest.</summary>
    Recipient,

    /// <summary>Account, credential, IP whitelist or permission problem: stop and alert; retrying will not help.</summary>
    Configuration,

    /// <summary>We sent a bad request (a bug or invalid input): do not retry it unchanged.</summary>
    Request,

    /// <summary>clientmsgid idempotency (§13.5): 45065 is reported as a success, 45066 may be retried after ≥ 60 s.</summary>
    Duplicate,
}
