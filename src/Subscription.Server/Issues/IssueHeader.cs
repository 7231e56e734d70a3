using System.Globalization;
using System.Text.RegularExpressions;

namespace Subscription.Server.Issues;

/// <summary>The cover of an issue: <c>2024年6月17日 第22期 总第185期</c> and the headline on the next non-blank line.</summary>
internal sealed record IssueHeader(int Number, int NumberInYear, DateOnly Date, string Headline);

internal static partial class IssueHeaderReader
{
    /// <summary>
    /// Reads the header found by <see cref="Find"/>; all three parts must be on its line. Missing parts are
    /// reported at that line, or at line 1 when there is no header.
    /// </summary>
    public static IssueHeader? Read(IssueLines lines, int index, int end, List<IssueError> errors)
    {
        var line = index >= 0 ? IssueLines.Number(index) : 1;
        var folded = index >= 0 ? lines.Folded(index) : "";
        var before = errors.Count;

        var number = ReadNumber(TotalPattern().Match(folded), line, "running issue number (总第N期)", errors);
        var inYear = ReadNumber(InYearPattern().Match(folded), line, "number within the year (第N期)", errors);
        var date = ReadDate(DatePattern().Match(folded), line, errors);
        var headline = index >= 0 ? ReadHeadline(lines, index, end, errors) : null;

        return errors.Count == before && headline is not null
            ? new IssueHeader(number, inYear, date, headline)
            : null;
    }

    /// <summary>The header is the first line before <paramref name="end"/> (the table of contents) naming a date, 第N期 or 总第N期; -1 if none.</summary>
    public static int Find(IssueLines lines, int end)
    {
        for (var i = 0; i < end; i++)
        {
            if (DatePattern().IsMatch(lines.Folded(i)) || InYearPattern().IsMatch(lines.Folded(i)) || TotalPattern().IsMatch(lines.Folded(i)))
            {
                return i;
            }
        }

        return -1;
    }

    private static int ReadNumber(Match match, int line, string what, List<IssueError> errors)
    {
        if (!match.Success)
        {
            errors.Add(new(line, $"The header has no {what}."));
        }
        else if (!int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            errors.Add(new(line, $"The header's {what} is out of range: {match.Value}."));
        }
        else
        {
            return value;
        }

        return 0;
    }

    private static DateOnly ReadDate(Match match, int line, List<IssueError> errors)
    {
        if (!match.Success)
        {
            errors.Add(new(line, "The header has no date (yyyy年M月d日)."));
        }
        else if (!DateOnly.TryParseExact(
            $"{match.Groups[1].Value}-{match.Groups[2].Value}-{match.Groups[3].Value}",
            "yyyy-M-d", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new(line, $"The header's date is not a calendar date: {match.Value}."));
        }
        else
        {
            return date;
        }

        return default;
    }

    private static string? ReadHeadline(IssueLines lines, int header, int end, List<IssueError> errors)
    {
        for (var i = header + 1; i < end; i++)
        {
            if (!lines.IsBlank(i))
            {
                return IssueText.CollapseWhitespace(IssueText.StripBold(lines[i]));
            }
        }

        errors.Add(new(IssueLines.Number(header), "No headline follows the header."));
        return null;
    }

    [GeneratedRegex(@"(\d{4})年(\d{1,2})月(\d{1,2})日")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<!总)第(\d+)期")]
    private static partial Regex InYearPattern();

    [GeneratedRegex(@"总第(\d+)期")]
    private static partial Regex TotalPattern();
}
