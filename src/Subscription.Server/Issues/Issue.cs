namespace Subscription.Server.Issues;

/// <summary>One issue of the newsletter, as staff publish it and readers read it.</summary>
/// <param name="Number">The running number: 总第185期 → 185.</param>
/// <param name="NumberInYear">The number within the year: 第22期 → 22.</param>
/// <param name="Sections">Section names in the order of the table of contents.</param>
public sealed record Issue(
    int Number,
    int NumberInYear,
    DateOnly Date,
    string Headline,
    IReadOnlyList<string> Sections,
    IReadOnlyList<Article> Articles);

/// <param name="Page">The page given in the table of contents.</param>
/// <param name="Title">The table-of-contents title.</param>
/// <param name="Source">From （来源：…）, without the brackets; null when the body names none.</param>
/// <param name="Url">From 原文链接; null when there is none.</param>
/// <param name="Summary">An extractive summary: the lead sentence, trimmed to a limit.</param>
public sealed record Article(
    string Section,
    int Page,
    string Title,
    string? Source,
    string? Url,
    IReadOnlyList<string> Paragraphs,
    string Summary);

/// <summary>A problem with an uploaded issue, at a 1-based line of the upload (0 when it has no line).</summary>
public sealed record IssueError(int Line, string Message);
