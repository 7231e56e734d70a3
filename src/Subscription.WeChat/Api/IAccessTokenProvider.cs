namespace Subscription.WeChat.Api;

/// <summary>
/// The single owner of the account's access_token (§6, §16.1): every API client reads the shared value, and
/// only the provider refreshes it.
/// </summary>
public interface IAccessTokenProvider
{
    /// <summary>The current token, fetching one if none is cached.</summary>
    ValueTask<string> GetAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Passive refresh after WeChat rejected <paramref name="failedToken"/> (40001/40014/42001): drop the cached
    /// token only if it is still that one, so a token another caller already refreshed is not thrown away.
    /// </summary>
    ValueTask InvalidateAsync(string failedToken, CancellationToken cancellationToken);
}
