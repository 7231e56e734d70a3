using System.Text.RegularExpressions;

namespace Subscription.Server.Issues;

internal sealed record ArticleBody(IReadOnlyList<string> Paragraphs, string? Source, string? Url);

internal static partial class ArticleBodyReader
{
    private static readonly string NoiseMarker = IssueText.Fold("扫描二维码");
    private static readonly string LinkMarker = IssueText.Fold("原文链接");

    /// <summary>
    /// The article between its title and the next one, [<paramref name="from"/>, <paramref name="to"/>):
    /// one paragraph per non-blank line, page-broken lines rejoined, the QR-code line dropped,
    /// the 原文链接 line taken as the URL and a trailing （来源：…） as the source.
    /// </summary>
    public static ArticleBody Read(IssueLines lines, int from, int to, List<IssueError> errors)
    {
        string? url = null;
        var blocks = new List<(string Text, bool Listed)>();
        for (var i = from; i < to; i++)
        {
            var folded = lines.Folded(i);
            if (folded.Length == 0 || folded.StartsWith(NoiseMarker, StringComparison.Ordinal))
            {
                continue;
            }

            if (folded.StartsWith(LinkMarker, StringComparison.Ordinal))
            {
                url ??= ReadLink(lines[i], i, errors);
                continue;
            }
            var listed = IssueText.TryStripListMarker(lines[i], out var text);
            text = IssueText.CollapseWhitespace(IssueText.StripBold(text));
            if (text.Length > 0)
            {
                blocks.Add((text, listed));
            }
        }
        var paragraphs = Join(blocks);
        var source = SourceMarker.Extract(paragraphs);
        return new ArticleBody(paragraphs, source, url);
    }

    private static string? ReadLink(string line, int index, List<IssueError> errors)
    {
        var url = LinkPattern().Match(line) is { Success: true } match ? match.Groups["url"].Value : "";
        if (IsWebAddress(url))
        {
            return url;
        }

        errors.Add(new(IssueLines.Number(index), url.Length == 0
            ? "The 原文链接 line has no URL."
            : $"The 原文链接 line's URL is not an absolute http(s) URL: '{url}'."));
        return null;
    }

    public static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// A line that reads as running text but does not end a sentence was cut by a page break: the next line
    /// continues it, unless that is a list item. Headings have no clause punctuation, so they stay apart.
    /// </summary>
    private static List<string> Join(List<(string Text, bool Listed)> blocks)
    {
        var paragraphs = new List<string>();
        var open = false;
        foreach (var (text, listed) in blocks)
        {
            if (open && !listed)
            {
                paragraphs[^1] = Concat(paragraphs[^1], text);
            }
            else
            {
                paragraphs.Add(text);
            }

            open = !IssueText.EndsSentence(paragraphs[^1]) && IssueText.IsProse(paragraphs[^1]);
        }
        return paragraphs;
    }

    // Chinese text runs on without a space; only a word broken between two Latin letters or digits needs one.
    private static string Concat(string head, string tail) =>
        char.IsAsciiLetterOrDigit(head[^1]) && char.IsAsciiLetterOrDigit(tail[0]) ? head + " " + tail : head + tail;

    [GeneratedRegex(@"原文链接\s*[：:]?\s*<?\s*(?<url>[^\s<>]*)")]
    private static partial Regex LinkPattern();
}
