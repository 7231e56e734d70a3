using System.Text.RegularExpressions;

namespace Subscription.Server.Issues;

/// <summary>The （来源：X） or (来源:X) that closes an article's last paragraph.</summary>
internal static partial class SourceMarker
{
    /// <summary>Takes the marker off the end of the last paragraph (dropping the paragraph if nothing else is left) and returns X.</summary>
    public static string? Extract(List<string> paragraphs)
    {
        if (paragraphs.Count == 0)
        {
            return null;
        }

        var last = paragraphs[^1];
        if (!last.EndsWith('）') && !last.EndsWith(')'))
        {
            return null;
        }

        var marker = OpeningPattern().Match(last);
        if (!marker.Success)
        {
            return null;
        }

        // Everything up to the paragraph's final bracket, so a source such as 中国网（北京） keeps its own brackets.
        var source = last[(marker.Index + marker.Length)..^1].Trim();
        var rest = last[..marker.Index].TrimEnd();
        if (rest.Length == 0)
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }
        else
        {
            paragraphs[^1] = rest;
        }

        return source.Length > 0 ? source : null;
    }

    [GeneratedRegex(@"[（(]\s*来源\s*[：:]\s*", RegexOptions.RightToLeft)]
    private static partial Regex OpeningPattern();
}
