using System.Text;

namespace Subscription.Server.Reader;

internal static class HtmlText
{
    /// <summary>
    /// Escapes the five characters that matter in text and quoted attributes and nothing else, so Chinese
    /// and punctuation such as · stay readable in the source (HtmlEncoder.Default turns them into entities).
    /// </summary>
    public static string E(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text ?? "";
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>An href for an external link: only http(s), anything else (javascript:, data:) becomes null.</summary>
    public static string? SafeHref(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? E(uri.AbsoluteUri) : null;
}
