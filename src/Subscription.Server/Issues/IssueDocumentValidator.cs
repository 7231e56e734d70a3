using System.Globalization;

namespace Subscription.Server.Issues;

/// <summary>Checks an uploaded issue document field by field and builds the issue when nothing is wrong.</summary>
internal sealed partial class IssueDocumentValidator(JsonLineMap lines)
{
    private readonly List<IssueError> _errors = [];

    public static IssueParseResult Validate(IssueDocument document, JsonLineMap lines) =>
        new IssueDocumentValidator(lines).Run(document);

    private IssueParseResult Run(IssueDocument document)
    {
        var number = Positive(document.Number, "\"number\"", lines.Root, lines.Top("number"));
        var inYear = Positive(document.NumberInYear, "\"numberInYear\"", lines.Root, lines.Top("numberInYear"));
        var date = Date(document.Date);
        var headline = Text(document.Headline, "\"headline\"", lines.Root, lines.Top("headline"));
        var sections = Sections(document.Sections);
        var articles = Articles(document.Articles, sections);
        return _errors.Count == 0
            ? IssueParseResult.Success(new Issue(number, inYear, date, headline!, sections, articles))
            : IssueParseResult.Failure(_errors);
    }

    private int Positive(int? value, string name, int missingLine, int line)
    {
        if (value is null)
        {
            _errors.Add(new(missingLine, $"{name} is required."));
        }
        else if (value <= 0)
        {
            _errors.Add(new(line, $"{name} must be a positive integer."));
        }

        return value ?? 0;
    }

    private string? Text(string? value, string name, int missingLine, int line)
    {
        if (value is null)
        {
            _errors.Add(new(missingLine, $"{name} is required."));
        }
        else if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add(new(line, $"{name} must not be empty."));
        }

        return value;
    }

    private DateOnly Date(string? value)
    {
        if (value is null)
        {
            _errors.Add(new(lines.Root, "\"date\" is required."));
        }
        else if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        else
        {
            _errors.Add(new(lines.Top("date"), $"\"date\" must be a calendar date as yyyy-MM-dd, not '{value}'."));
        }

        return default;
    }

    private string[] Sections(List<string?>? sections)
    {
        if (sections is null)
        {
            _errors.Add(new(lines.Root, "\"sections\" is required."));
        }
        else if (sections.Count == 0)
        {
            _errors.Add(new(lines.Top("sections"), "\"sections\" must not be empty."));
        }

        var names = sections ?? [];
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                _errors.Add(new(lines.Section(i), $"sections[{i}] must be a non-empty name."));
            }
            else if (names.IndexOf(names[i]) < i)
            {
                _errors.Add(new(lines.Section(i), $"Section '{names[i]}' is listed twice."));
            }
        }
        return names.Select(n => n ?? "").ToArray();
    }
}
