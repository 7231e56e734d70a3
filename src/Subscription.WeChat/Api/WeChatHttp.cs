using System.Net;
using System.Text.Json;

namespace Subscription.WeChat.Api;

/// <summary>One HTTP exchange with WeChat: transport failures become <see cref="WeChatTransportException"/>.</summary>
internal static class WeChatHttp
{
    /// <param name="endpoint">The path, used in messages instead of the URI, whose query may hold a credential.</param>
    /// <param name="credential">The secret or token sent with the request; never allowed into a message.</param>
    public static async Task<WeChatReply> SendAsync(
        HttpClient http, HttpRequestMessage request, string endpoint, string credential, CancellationToken cancellationToken)
    {
        HttpStatusCode status;
        byte[] body;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Wrap($"WeChat {endpoint} timed out.", null, e, credential);
        }
        catch (HttpRequestException e)
        {
            throw Wrap($"WeChat {endpoint} could not be reached.", e.StatusCode, e, credential);
        }

        if ((int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            throw new WeChatTransportException($"WeChat {endpoint} answered HTTP {(int)status}.", status, WeChatErrorClass.Busy);
        }

        if ((int)status is < 200 or >= 300)
        {
            // WeChat itself answers 200 even for errors (§6.3): another status means we are not talking to it.
            throw new WeChatTransportException(
                $"WeChat {endpoint} answered HTTP {(int)status}; check the HttpClient's BaseAddress.", status, WeChatErrorClass.Configuration);
        }

        WeChatStatus? parsed;
        try
        {
            parsed = WeChatStatus.Read(body);
        }
        catch (JsonException e)
        {
            throw WeChatReply.Malformed(endpoint, e);
        }

        if (parsed is null)
        {
            throw WeChatReply.Malformed(endpoint);
        }

        return new WeChatReply(parsed.ErrCode, Redact(parsed.ErrMsg ?? "", credential), body, endpoint);
    }

    public static string Redact(string text, string credential) =>
        credential.Length == 0 ? text : text.Replace(credential, "***", StringComparison.Ordinal);

    private static WeChatTransportException Wrap(string message, HttpStatusCode? status, Exception inner, string credential)
    {
        // Handlers further down the pipeline may put the request URI (with the credential in its query) in
        // their messages; drop such an inner exception rather than leak it.
        if (credential.Length > 0 && inner.ToString().Contains(credential, StringComparison.Ordinal))
        {
            return new WeChatTransportException($"{message} ({inner.GetType().Name}, details withheld: they contain a credential)", status, WeChatErrorClass.Busy);
        }

        return new WeChatTransportException($"{message} {inner.Message}", status, WeChatErrorClass.Busy, inner);
    }
}
