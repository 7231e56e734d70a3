namespace Subscription.WeChatEmulator.Tokens;

public enum TokenKind
{
    Classic,
    Stable,
}

/// <summary>One issued access_token. Mutated only under the token service's lock.</summary>
internal sealed class TokenRecord(string value, TokenKind kind, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
{
    public string Value { get; } = value;

    public TokenKind Kind { get; } = kind;

    public DateTimeOffset IssuedAt { get; } = issuedAt;

    public DateTimeOffset ExpiresAt { get; set; } = expiresAt;

    /// <summary>Set when a newer token replaced this one or an admin revoked it; 40001 from then on.</summary>
    public DateTimeOffset? InvalidFrom { get; set; }

    public TokenCheck Check(DateTimeOffset now) =>
        InvalidFrom is { } invalid && now >= invalid ? TokenCheck.Invalid
        : now >= ExpiresAt ? TokenCheck.Expired
        : TokenCheck.Valid;
}

/// <summary>The outcome of checking a caller's access_token, with the errcode WeChat answers.</summary>
public enum TokenCheck
{
    Valid = 0,
    Missing = 41001,
    Invalid = 40001,
    Expired = 42001,
}

/// <summary>A token handed out, with its remaining lifetime in seconds.</summary>
public sealed record TokenGrant(string AccessToken, int ExpiresIn);

/// <summary>Counts of token endpoint use; tests assert e.g. "exactly one token fetch".</summary>
public sealed record TokenStats(int ClassicFetches, int StableFetches, int ForceRefreshes, int Issued, int Rejected)
{
    /// <summary>Successful calls to either token endpoint.</summary>
    public int Fetches => ClassicFetches + StableFetches;
}
