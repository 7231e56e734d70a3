using System.Collections.Concurrent;

namespace Subscription.WeChat.Api;

/// <summary>
/// Each endpoint's absolute URI with the current access token, built once per token instead of per call: a
/// broadcast calls one endpoint thousands of times a second, and parsing, resolving and formatting the URI
/// again each time was a visible share of its CPU.
/// </summary>
internal sealed class EndpointUris
{
    private sealed record Entry(Uri BaseAddress, string Token, Uri Uri);

    private readonly ConcurrentDictionary<string, Entry> _byPath = new(StringComparer.Ordinal);

    /// <param name="query">Extra query parameters, already escaped, without the access_token; not cached.</param>
    public Uri For(HttpClient client, string path, string token, string? query)
    {
        if (query is null && _byPath.TryGetValue(path, out var known)
            && ReferenceEquals(known.BaseAddress, client.BaseAddress) && string.Equals(known.Token, token, StringComparison.Ordinal))
        {
            return known.Uri;
        }

        var relative = new Uri($"{path}?access_token={Uri.EscapeDataString(token)}{(query is null ? "" : "&" + query)}", UriKind.Relative);
        if (client.BaseAddress is not { } baseAddress)
        {
            // HttpClient reports the missing BaseAddress itself.
            return relative;
        }

        var uri = new Uri(baseAddress, relative);
        if (query is null)
        {
            _byPath[path] = new Entry(baseAddress, token, uri);
        }

        return uri;
    }
}
