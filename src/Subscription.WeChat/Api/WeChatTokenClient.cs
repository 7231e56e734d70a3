namespace Subscription.WeChat.Api;

/// <summary>
/// The two token endpoints (§6.1, §6.2), which take the AppSecret instead of an access_token. Only the token
/// owner (<see cref="IAccessTokenProvider"/>) should call them: each classic-token call invalidates the previous token.
/// </summary>
/// <param name="http">BaseAddress: <c>https://api.weixin.qq.com</c> or an emulator's (with a trailing slash if it has a path).</param>
public sealed class WeChatTokenClient(HttpClient http)
{
    private const string StableTokenPath = "cgi-bin/stable_token";
    private const string TokenPath = "cgi-bin/token";

    private readonly HttpClient _http = http ?? throw new ArgumentNullException(nameof(http));

    /// <summary>
    /// POST /cgi-bin/stable_token (§6.2, preferred). Normal mode returns the current token with its remaining
    /// lifetime; <paramref name="forceRefresh"/> invalidates it (≤ 20 times/day, ≥ 30 s apart).
    /// </summary>
    public async Task<AccessToken> GetStableTokenAsync(string appId, string secret, bool forceRefresh = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var body = WeChatJson.Serialize(
            new StableTokenRequest("client_credential", appId, secret, forceRefresh), WeChatJson.Context.StableTokenRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, StableTokenPath) { Content = WeChatContent.Json(body) };
        return await SendAsync(request, StableTokenPath, secret, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GET /cgi-bin/token (§6.1). Every call invalidates the previous token after a 5-minute overlap.</summary>
    public async Task<AccessToken> GetTokenAsync(string appId, string secret, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var uri = $"{TokenPath}?grant_type=client_credential&appid={Uri.EscapeDataString(appId)}&secret={Uri.EscapeDataString(secret)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        return await SendAsync(request, TokenPath, secret, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AccessToken> SendAsync(HttpRequestMessage request, string endpoint, string secret, CancellationToken cancellationToken)
    {
        var reply = await WeChatHttp.SendAsync(_http, request, endpoint, secret, cancellationToken).ConfigureAwait(false);
        if (reply.ErrCode != 0)
        {
            throw new WeChatApiException(reply.ErrCode, reply.ErrMsg, Classify(reply.ErrCode), endpoint);
        }

        var token = reply.Read(WeChatJson.Context.TokenResponse);
        if (string.IsNullOrEmpty(token.AccessToken) || token.ExpiresIn <= 0)
        {
            throw WeChatReply.Malformed(endpoint);
        }

        return new AccessToken(token.AccessToken, TimeSpan.FromSeconds(token.ExpiresIn));
    }

    // On the token endpoints 40001 means the AppSecret is wrong (§15), not that a token needs refreshing.
    private static WeChatErrorClass Classify(int errCode) =>
        errCode == 40001 ? WeChatErrorClass.Configuration : WeChatErrors.Classify(errCode);
}
