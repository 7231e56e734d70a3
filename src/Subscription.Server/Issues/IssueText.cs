using System.Text;
using System.Text.RegularExpressions;

namespace Subscription.Server.Issues;

/// <summary>Character-level rules shared by the text and JSON forms of an issue.</summary>
internal static partial class IssueText
{
    /// <summary>
    /// The form in which titles and markers are compared: no whitespace of any width, full-width ASCII
    /// forms (（：１Ａ) as their ASCII counterparts, no bold markers.
    /// </summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in StripBold(text))
        {
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF')
            {
                continue;
            }

            builder.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c);
        }
        return builder.ToString();
    }

    /// <summary>Markdown-like <c>**bold**</c> as plain text.</summary>
    public static string StripBold(string text) => text.Contains("**", StringComparison.Ordinal)
        ? BoldPattern().Replace(text, "$1")
        : text;

    /// <summary>Runs of whitespace (including full-width spaces) as one space, trimmed.</summary>
    public static string CollapseWhitespace(string text) => WhitespacePattern().Replace(text, " ").Trim();

    /// <summary>The text without a leading list marker (<c>- </c>, <c>* </c>, <c>• </c>, <c>1. </c>); false when there was none.</summary>
    public static bool TryStripListMarker(string text, out string rest)
    {
        var match = ListMarkerPattern().Match(text);
        rest = match.Success ? text[match.Length..] : text;
        return match.Success;
    }

    /// <summary>Whether a line ends where a sentence or a clause introducing the next block can end.</summary>
    public static bool EndsSentence(string text) =>
        text.Length > 0 && "。！？；：…”’」』）】.!?;:)\"'".Contains(text[^1], StringComparison.Ordinal);

    /// <summary>
    /// Whether a line reads as running text rather than a heading: it has clause punctuation somewhere.
    /// Headings (一、明确重点概念内涵, (一) 内容和目的) have none once their enumerator is set aside.
    /// </summary>
    public static bool IsProse(string text)
    {
        var body = EnumeratorPattern().Replace(text, "");
        return body.AsSpan().IndexOfAny("，。；！？、,;!?") >= 0;
    }

    /// <summary>Lines of any line-ending convention, without a leading byte-order mark.</summary>
    public static string[] SplitLines(string text) =>
        text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex BoldPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"^(?:[-*•]|\d{1,3}\.)\s+")]
    private static partial Regex ListMarkerPattern();

    [GeneratedRegex(@"^\s*(?:[一二三四五六七八九十\d]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)])")]
    private static partial Regex EnumeratorPattern();
}
