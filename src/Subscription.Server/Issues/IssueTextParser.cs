namespace Subscription.Server.Issues;

/// <summary>Turns the plain-text export of an issue's PDF into an <see cref="Issue"/>.</summary>
/// <remarks>
/// Layout: a cover with the header (<c>2024年6月17日 第22期 总第185期</c>) and the headline; the table of
/// contents after 本期要目 (section names, each followed by <c>- 01 标题</c> entries); the articles, each opened by
/// its title in table-of-contents order; and the back matter from 主编简介 on.
/// </remarks>
public static class IssueTextParser
{
    private static readonly string BackMatterMarker = IssueText.Fold("主编简介");

    /// <summary>Parses the whole text; never throws for malformed text, reporting every problem it can find instead.</summary>
    public static IssueParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new IssueLines(text);
        var errors = new List<IssueError>();

        var marker = lines.Find(TableOfContentsReader.Marker, 0, lines.Count);
        var end = marker >= 0 ? marker : lines.Count;
        var headerIndex = IssueHeaderReader.Find(lines, end);
        var header = IssueHeaderReader.Read(lines, headerIndex, end, errors);
        if (marker < 0)
        {
            errors.Add(new(headerIndex >= 0 ? IssueLines.Number(headerIndex) : 1, "There is no table of contents (本期要目)."));
            return IssueParseResult.Failure(errors);
        }

        var toc = TableOfContentsReader.Read(lines, marker, errors);
        var articles = ReadArticles(lines, toc, errors);
        if (errors.Count > 0 || header is null)
        {
            return IssueParseResult.Failure(errors);
        }

        return IssueParseResult.Success(new Issue(
            header.Number, header.NumberInYear, header.Date, header.Headline, toc.Sections, articles));
    }

    /// <summary>
    /// Finds each entry's title after the previous one's, so bodies must come in table-of-contents order;
    /// an article runs to the next title found, the back matter or the end of the text.
    /// </summary>
    private static List<Article> ReadArticles(IssueLines lines, TableOfContents toc, List<IssueError> errors)
    {
        var backMatter = lines.Find(BackMatterMarker, toc.BodyStart, lines.Count);
        var end = backMatter >= 0 ? backMatter : lines.Count;

        var found = new List<(TocEntry Entry, int First, int Last)>();
        var cursor = toc.BodyStart;
        // Duplicate titles were reported with the table of contents; looking for them twice would only add noise.
        foreach (var entry in toc.Entries.Where(e => e.FoldedTitle.Length > 0).DistinctBy(e => e.FoldedTitle))
        {
            var (first, last) = lines.FindTitle(entry.FoldedTitle, cursor, end);
            if (first < 0)
            {
                errors.Add(new(IssueLines.Number(entry.Index),
                    $"No article for '{entry.Title}': its title does not appear after the previous article's."));
                continue;
            }
            found.Add((entry, first, last));
            cursor = last + 1;
        }

        var articles = new List<Article>(found.Count);
        for (var k = 0; k < found.Count; k++)
        {
            var (entry, first, last) = found[k];
            var body = ArticleBodyReader.Read(lines, last + 1, k + 1 < found.Count ? found[k + 1].First : end, errors);
            if (body.Paragraphs.Count == 0)
            {
                errors.Add(new(IssueLines.Number(first), $"The article '{entry.Title}' has no text."));
            }

            articles.Add(new Article(entry.Section, entry.Page, entry.Title, body.Source, body.Url,
                body.Paragraphs, IssueSummary.Extract(body.Paragraphs)));
        }
        return articles;
    }
}
