using System.Text;

namespace Subscription.Server.Digests;

/// <summary>
/// Escaping for text and attribute values. Not WebUtility.HtmlEncode: that turns every emoji and
/// Latin-1 letter into a numeric entity, which costs bytes against WeChat's limits.
/// </summary>
internal static class Html
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            var entity = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (entity is null)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(entity);
            }
        }

        return builder.ToString();
    }

    public static string Link(string href, string text) => $"<a href=\"{Escape(href)}\">{Escape(text)}</a>";
}
