using System.Globalization;
using System.Text;
using Subscription.Server.Archive;
using Subscription.Server.Issues;
using static Subscription.Server.Reader.HtmlText;

namespace Subscription.Server.Reader;

/// <summary>The reader pages, rendered on the server from the archive. Everything from an issue is escaped.</summary>
internal static class ReaderPages
{
    public static string Date(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string Label(Issue issue) => $"第{issue.NumberInYear}期 · 总第{issue.Number}期 · {Date(issue.Date)}";

    public static string IssueList(IReadOnlyList<Issue> issues, int page, int pageCount)
    {
        var body = new StringBuilder("<h1>往期回顾</h1>").Append(ReaderLayout.SearchForm(null)).Append("<ol reversed class=\"issues\">");
        foreach (var issue in issues)
        {
            body.Append($"""<li><a href="/issues/{issue.Number}">{E(issue.Headline)}</a><div class="meta">{E(Label(issue))}</div></li>""");
        }

        body.Append("</ol>");
        if (issues.Count == 0)
        {
            body.Append("<p>还没有发布的期刊。</p>");
        }

        body.Append("<nav class=\"pages\">")
            .Append(page > 1 ? $"""<a href="/issues?page={page - 1}">← 较新</a>""" : "<span></span>")
            .Append(page < pageCount ? $"""<a href="/issues?page={page + 1}">较早 →</a>""" : "<span></span>")
            .Append("</nav>");
        return ReaderLayout.Page("大数据发展动态 · 往期回顾", "《大数据发展动态》全部期刊：国策要论、地方新政、产业前沿、数谷动态。", body.ToString());
    }

    public static string IssuePage(Issue issue)
    {
        var body = new StringBuilder($"""<h1>{E(issue.Headline)}</h1><div class="meta">{E(Label(issue))}</div>""");
        foreach (var section in issue.Sections)
        {
            // Numbered across the issue, as the article pages' addresses are.
            var first = issue.Articles.ToList().FindIndex(a => a.Section == section) + 1;
            body.Append($"<h2>{E(section)}</h2><ol start=\"{Math.Max(first, 1)}\">");
            for (var i = 0; i < issue.Articles.Count; i++)
            {
                var article = issue.Articles[i];
                if (article.Section == section)
                {
                    body.Append($"""<li><a href="/issues/{issue.Number}/{i + 1}">{E(article.Title)}</a><p class="summary">{E(article.Summary)}</p></li>""");
                }
            }

            body.Append("</ol>");
        }

        var description = string.Join("；", issue.Articles.Take(3).Select(a => a.Title));
        return ReaderLayout.Page($"大数据发展动态 第{issue.Number}期 · {issue.Headline}", description, body.ToString());
    }

    public static string ArticlePage(Issue issue, int index)
    {
        var article = issue.Articles[index - 1];
        var body = new StringBuilder($"""<div class="meta"><a href="/issues/{issue.Number}">{E(Label(issue))}</a> · {E(article.Section)}</div><h1>{E(article.Title)}</h1>""");
        foreach (var paragraph in article.Paragraphs)
        {
            body.Append($"<p>{E(paragraph)}</p>");
        }

        if (article.Source is not null)
        {
            body.Append($"""<p class="meta">来源：{E(article.Source)}</p>""");
        }

        if (SafeHref(article.Url) is { } href)
        {
            body.Append($"""<p><a href="{href}" rel="noopener">阅读原文</a></p>""");
        }

        body.Append("<nav class=\"pages\">")
            .Append(index > 1 ? $"""<a href="/issues/{issue.Number}/{index - 1}">← 上一篇</a>""" : "<span></span>")
            .Append(index < issue.Articles.Count ? $"""<a href="/issues/{issue.Number}/{index + 1}">下一篇 →</a>""" : "<span></span>")
            .Append("</nav>");
        return ReaderLayout.Page(article.Title, article.Summary, body.ToString());
    }

    public static string SearchPage(string? query, IReadOnlyList<SearchHit> hits)
    {
        var body = new StringBuilder("<h1>搜索</h1>").Append(ReaderLayout.SearchForm(query));
        if (!string.IsNullOrWhiteSpace(query))
        {
            body.Append(hits.Count == 0
                ? $"<p>没有找到与“{E(query)}”相关的文章。换个关键词试试，或浏览<a href=\"/issues\">往期回顾</a>。</p>"
                : $"<p class=\"meta\">与“{E(query)}”相关的文章：</p><ol>");
            foreach (var hit in hits)
            {
                body.Append($"""<li><a href="/issues/{hit.IssueNumber}/{hit.ArticleIndex}">{E(hit.Title)}</a><div class="meta">总第{hit.IssueNumber}期</div></li>""");
            }

            body.Append(hits.Count == 0 ? "" : "</ol>");
        }

        return ReaderLayout.Page($"搜索{(string.IsNullOrWhiteSpace(query) ? "" : "：" + query)} · 大数据发展动态", "在《大数据发展动态》全部期刊中搜索。", body.ToString());
    }

    public static string NotFound(string message) =>
        ReaderLayout.Page("未找到 · 大数据发展动态", message, $"<h1>未找到</h1><p>{E(message)}</p><p><a href=\"/issues\">返回往期回顾</a></p>");
}
