using System.Text.Json.Serialization.Metadata;

namespace Subscription.WeChat.Api;

/// <summary>
/// Typed client for the official-account APIs that take an access_token. Thread-safe; its only state is a cache of
/// endpoint URIs.
/// A non-zero errcode throws <see cref="WeChatApiException"/>; no answer throws <see cref="WeChatTransportException"/>.
/// Retries with backoff belong to the reads' HttpClient; the only retry done here is the single one after a rejected
/// token (§6.2, §15).
/// </summary>
/// <param name="http">
/// Every POST. It must not repeat a request by itself: a POST may be a send WeChat already delivered, which only its
/// caller can retry safely (with client_msg_id or clientmsgid). BaseAddress: <c>https://api.weixin.qq.com</c> or an
/// emulator's (with a trailing slash if it has a path).
/// </param>
/// <param name="reads">Every GET, which is harmless to repeat, so its client may retry; <paramref name="http"/> if omitted.</param>
public sealed partial class WeChatApiClient(HttpClient http, IAccessTokenProvider tokens, HttpClient? reads = null)
{
    private readonly HttpClient _http = http ?? throw new ArgumentNullException(nameof(http));
    private readonly HttpClient _reads = reads ?? http;
    private readonly EndpointUris _uris = new();
    private readonly IAccessTokenProvider _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));

    private static WeChatJsonContext Json => WeChatJson.Context;

    private Task<TResponse> PostAsync<TRequest, TResponse>(
        string path, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken, int toleratedErrCode = 0)
    {
        var bytes = WeChatJson.Serialize(body, requestType);
        return CallAsync(HttpMethod.Post, path, null, () => WeChatContent.Json(bytes), responseType, toleratedErrCode, cancellationToken);
    }

    private Task<TResponse> GetAsync<TResponse>(
        string path, string? query, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken, int toleratedErrCode = 0) =>
        CallAsync(HttpMethod.Get, path, query, null, responseType, toleratedErrCode, cancellationToken);

    /// <param name="query">Extra query parameters, already escaped, without the access_token.</param>
    /// <param name="toleratedErrCode">A non-zero errcode whose body is returned instead of thrown.</param>
    private async Task<TResponse> CallAsync<TResponse>(
        HttpMethod method, string path, string? query, Func<HttpContent>? content, JsonTypeInfo<TResponse> responseType,
        int toleratedErrCode, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendOnceAsync(method, path, query, content, responseType, toleratedErrCode, token, cancellationToken).ConfigureAwait(false);
        }
        catch (WeChatApiException e) when (e.Class == WeChatErrorClass.TokenInvalid)
        {
            await _tokens.InvalidateAsync(token, cancellationToken).ConfigureAwait(false);
        }

        // A second rejection propagates: something else keeps rotating the token (§6.1), which a loop would not fix.
        token = await _tokens.GetAsync(cancellationToken).ConfigureAwait(false);
        return await SendOnceAsync(method, path, query, content, responseType, toleratedErrCode, token, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TResponse> SendOnceAsync<TResponse>(
        HttpMethod method, string path, string? query, Func<HttpContent>? content, JsonTypeInfo<TResponse> responseType,
        int toleratedErrCode, string token, CancellationToken cancellationToken)
    {
        var client = method == HttpMethod.Get ? _reads : _http;
        using var request = new HttpRequestMessage(method, _uris.For(client, path, token, query)) { Content = content?.Invoke() };
        var reply = await WeChatHttp.SendAsync(client, request, path, token, cancellationToken).ConfigureAwait(false);
        if (reply.ErrCode != 0 && reply.ErrCode != toleratedErrCode)
        {
            throw new WeChatApiException(reply.ErrCode, reply.ErrMsg, WeChatErrors.Classify(reply.ErrCode), path);
        }

        return reply.Read(responseType);
    }

    private static void RequireCount(IReadOnlyCollection<string> openIds, int min, int max, string paramName)
    {
        ArgumentNullException.ThrowIfNull(openIds, paramName);
        if (openIds.Count < min || openIds.Count > max)
        {
            throw new ArgumentException($"Expected {min}..{max} openids, got {openIds.Count}.", paramName);
        }

        if (openIds.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("An openid is null or empty.", paramName);
        }
    }
}
