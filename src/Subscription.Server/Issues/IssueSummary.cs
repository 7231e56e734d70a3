using System.Globalization;

namespace Subscription.Server.Issues;

/// <summary>The extractive summary shown for an article: its lead sentence, trimmed to a limit.</summary>
public static class IssueSummary
{
    public const int DefaultLimit = 120;

    private const string SentenceEnds = "。！？";
    private const string Closers = "”’」』）》】\")";

    /// <summary>
    /// The first paragraph's first sentence (through 。！？ and any closing quotes after it), whitespace collapsed,
    /// cut to <paramref name="limit"/> text elements with a trailing … when longer; empty without text.
    /// </summary>
    public static string Extract(IReadOnlyList<string> paragraphs, int limit = DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);

        var first = paragraphs.Select(p => IssueText.CollapseWhitespace(p ?? "")).FirstOrDefault(p => p.Length > 0);
        if (first is null)
        {
            return "";
        }

        var end = first.AsSpan().IndexOfAny(SentenceEnds);
        if (end >= 0)
        {
            end++;
            while (end < first.Length && Closers.Contains(first[end], StringComparison.Ordinal))
            {
                end++;
            }

            first = first[..end];
        }

        var info = new StringInfo(first);
        return info.LengthInTextElements <= limit
            ? first
            : info.SubstringByTextElements(0, limit - 1).TrimEnd() + "…";
    }
}
