using System.Globalization;
using System.Text.RegularExpressions;

namespace Subscription.Server.Issues;

/// <param name="Index">The entry's line (0-based).</param>
internal sealed record TocEntry(string Section, int Page, string Title, string FoldedTitle, int Index);

/// <param name="BodyStart">The index of the first article title after the table of contents.</param>
internal sealed record TableOfContents(IReadOnlyList<string> Sections, IReadOnlyList<TocEntry> Entries, int BodyStart);

internal static partial class TableOfContentsReader
{
    public static readonly string Marker = IssueText.Fold("本期要目");

    /// <summary>
    /// Reads from the line after 本期要目: entry lines (<c>- 01 标题</c>) belong to the section line above them;
    /// the table ends at the first line that starts one of the titles listed so far, or after its last entry.
    /// Malformed entries are reported and kept (page 0) so that their bodies are still recognised.
    /// </summary>
    public static TableOfContents Read(IssueLines lines, int marker, List<IssueError> errors)
    {
        var sections = new List<(string Name, int Index)>();
        var entries = new List<TocEntry>();
        var lastEntry = marker;
        var bodyStart = -1;
        for (var i = marker + 1; i < lines.Count && bodyStart < 0; i++)
        {
            if (lines.IsBlank(i))
            {
                continue;
            }

            if (EntryPattern().Match(lines[i]) is { Success: true } match)
            {
                entries.Add(ReadEntry(match, i, sections.Count > 0 ? sections[^1].Name : null, errors));
                lastEntry = i;
            }
            else if (entries.Any(e => e.FoldedTitle.Length > 0 && lines.MatchTitle(i, e.FoldedTitle, lines.Count) >= 0))
            {
                bodyStart = i;
            }
            else
            {
                sections.Add((IssueText.CollapseWhitespace(IssueText.StripBold(lines[i])), i));
            }
        }
        if (bodyStart < 0)
        {
            // No title anywhere: whatever follows the last entry is not part of the table.
            bodyStart = lastEntry + 1;
            sections.RemoveAll(s => s.Index > lastEntry);
        }

        Check(marker, sections, entries, errors);
        return new TableOfContents(sections.Select(s => s.Name).Distinct().ToArray(), entries, bodyStart);
    }

    private static TocEntry ReadEntry(Match match, int index, string? section, List<IssueError> errors)
    {
        var line = IssueLines.Number(index);
        var pageText = match.Groups["page"].Value;
        var title = IssueText.CollapseWhitespace(IssueText.StripBold(match.Groups["title"].Value));
        if (section is null)
        {
            errors.Add(new(line, "This table-of-contents entry comes before any section name."));
        }

        var hasPage = int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0;
        if (!pageText.All(char.IsAsciiDigit) && title.Length == 0)
        {
            // "- 标题": the one word is the title, so its body is still recognised.
            errors.Add(new(line, "This table-of-contents entry has no page number."));
            title = IssueText.CollapseWhitespace(IssueText.StripBold(pageText));
        }
        else if (!hasPage)
        {
            errors.Add(new(line, $"This table-of-contents entry's page number is not a positive number: '{pageText}'."));
        }
        else if (title.Length == 0)
        {
            errors.Add(new(line, "This table-of-contents entry has no title."));
        }

        return new TocEntry(section ?? "", hasPage ? page : 0, title, IssueText.Fold(title), index);
    }

    private static void Check(int marker, List<(string Name, int Index)> sections, List<TocEntry> entries, List<IssueError> errors)
    {
        if (entries.Count == 0)
        {
            errors.Add(new(IssueLines.Number(marker), "The table of contents (本期要目) lists no articles."));
        }

        foreach (var (name, index) in sections)
        {
            if (!entries.Any(e => e.Section == name))
            {
                errors.Add(new(IssueLines.Number(index), $"Section '{name}' has no entries."));
            }

            if (sections.First(s => s.Name == name).Index is var first && first != index)
            {
                errors.Add(new(IssueLines.Number(index), $"Section '{name}' is listed twice (first at line {IssueLines.Number(first)})."));
            }
        }
        foreach (var entry in entries.Where(e => e.FoldedTitle.Length > 0))
        {
            if (entries.First(e => e.FoldedTitle == entry.FoldedTitle) is var first && first != entry)
            {
                errors.Add(new(IssueLines.Number(entry.Index), $"Title '{entry.Title}' is listed twice (first at line {IssueLines.Number(first.Index)})."));
            }
        }
    }

    // A list marker (not the start of **bold**), the page, then the title.
    [GeneratedRegex(@"^(?:-|•|\*(?!\*))\s*(?<page>\S+)(?:\s+(?<title>.*))?$")]
    private static partial Regex EntryPattern();
}
