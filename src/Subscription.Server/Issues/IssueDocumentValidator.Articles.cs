namespace Subscription.Server.Issues;

/// <summary>The article half of the checks: each article against the sections and the other articles.</summary>
internal sealed partial class IssueDocumentValidator
{
    private Article[] Articles(List<ArticleDocument?>? articles, string[] sections)
    {
        if (articles is null)
        {
            _errors.Add(new(lines.Root, "\"articles\" is required."));
        }
        else if (articles.Count == 0)
        {
            _errors.Add(new(lines.Top("articles"), "\"articles\" must not be empty."));
        }

        var result = new List<Article>();
        var titles = new Dictionary<string, int>();
        for (var i = 0; i < (articles?.Count ?? 0); i++)
        {
            if (articles![i] is not { } article)
            {
                _errors.Add(new(lines.Article(i), $"articles[{i}] must be an object."));
            }
            else if (Article(article, i, sections, titles) is { } valid)
            {
                result.Add(valid);
            }
        }
        return result.ToArray();
    }

    private Article? Article(ArticleDocument article, int i, string[] sections, Dictionary<string, int> titles)
    {
        var before = _errors.Count;
        int Line(string property) => lines.ArticleProperty(i, property);
        var name = $"articles[{i}]";

        var section = Text(article.Section, name + ".section", lines.Article(i), Line("section"));
        // Without a list of sections every article would be reported; the missing list says it all.
        if (!string.IsNullOrWhiteSpace(section) && sections.Length > 0 && !sections.Contains(section))
        {
            _errors.Add(new(Line("section"), $"{name}.section '{section}' is not one of \"sections\"."));
        }

        var page = Positive(article.Page, name + ".page", lines.Article(i), Line("page"));
        var title = Text(article.Title, name + ".title", lines.Article(i), Line("title"));
        if (!string.IsNullOrWhiteSpace(title) && !titles.TryAdd(IssueText.Fold(title), i))
        {
            _errors.Add(new(Line("title"), $"{name}.title '{title}' is also the title of articles[{titles[IssueText.Fold(title)]}]."));
        }

        if (article.Url is not null && !ArticleBodyReader.IsWebAddress(article.Url))
        {
            _errors.Add(new(Line("url"), $"{name}.url must be null or an absolute http(s) URL, not '{article.Url}'."));
        }

        var paragraphs = Paragraphs(article.Paragraphs, name, i);

        if (_errors.Count > before)
        {
            return null;
        }

        var summary = string.IsNullOrWhiteSpace(article.Summary) ? IssueSummary.Extract(paragraphs) : article.Summary;
        var source = string.IsNullOrWhiteSpace(article.Source) ? null : article.Source;
        return new Article(section!, page, title!, source, article.Url, paragraphs, summary);
    }

    private string[] Paragraphs(List<string?>? paragraphs, string name, int i)
    {
        var line = lines.ArticleProperty(i, "paragraphs");
        if (paragraphs is null)
        {
            _errors.Add(new(lines.Article(i), $"{name}.paragraphs is required."));
        }
        else if (paragraphs.Count == 0)
        {
            _errors.Add(new(line, $"{name}.paragraphs must not be empty."));
        }
        else if (paragraphs.FindIndex(string.IsNullOrWhiteSpace) is var blank and >= 0)
        {
            _errors.Add(new(line, $"{name}.paragraphs[{blank}] must not be empty."));
        }

        return paragraphs?.Select(p => p ?? "").ToArray() ?? [];
    }
}
