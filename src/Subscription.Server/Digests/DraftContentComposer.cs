using System.Text;
using Subscription.Server.Issues;

namespace Subscription.Server.Digests;

/// <summary>The draft's HTML body, shortened until it is within WeChat's content limits.</summary>
internal sealed class DraftContentComposer(IssueLabels labels)
{
    private const string Muted = "color:#888;font-size:14px;";

    /// <summary>
    /// The full form if it fits; else summaries dropped from the last article backwards; else, with no
    /// summaries, articles dropped from the end and replaced by a line linking the issue page.
    /// </summary>
    public string Compose(Issue issue, IReadOnlyList<DigestSection> sections)
    {
        var count = DigestSelection.ArticleCount(sections);
        var summaries = Largest(count, k => Fits(Render(issue, sections, count, k)));
        if (summaries >= 0)
        {
            return Render(issue, sections, count, summaries);
        }

        var articles = Math.Max(0, Largest(count, n => Fits(Render(issue, sections, n, 0))));
        return Render(issue, sections, articles, 0);
    }

    /// <summary>The largest k in [0, max] that <paramref name="fits"/>, or -1; the content only grows with k.</summary>
    private static int Largest(int max, Func<int, bool> fits)
    {
        if (fits(max))
        {
            return max;
        }

        var (low, high) = (-1, max);
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            (low, high) = fits(middle) ? (middle, high) : (low, middle);
        }

        return low;
    }

    /// <param name="articles">How many articles, from the first, are shown.</param>
    /// <param name="summaries">How many of those, from the first, keep their summary.</param>
    private string Render(Issue issue, IReadOnlyList<DigestSection> sections, int articles, int summaries)
    {
        var html = new StringBuilder();
        html.Append("<section style=\"font-size:16px;line-height:1.75;color:#333;\">");
        html.Append($"<p style=\"{Muted}\">{IssueLabels.Date(issue)} · {Html.Escape(labels.TitleLine(issue))}</p>");
        var position = 0;
        foreach (var section in sections)
        {
            if (position >= articles)
            {
                break;
            }

            html.Append($"<h2 style=\"font-size:18px;border-left:4px solid #1a6fb5;padding-left:8px;\">{Html.Escape(section.Name)}</h2>");
            foreach (var entry in section.Entries.Take(articles - position))
            {
                position++;
                AppendArticle(html, entry, withSummary: position <= summaries);
            }
        }

        var omitted = DigestSelection.ArticleCount(sections) - articles;
        if (omitted > 0)
        {
            html.Append($"<p style=\"{Muted}\">……另有{omitted}篇，{Html.Link(labels.IssuePage(issue), "请在网页版阅读")}</p>");
        }

        return html.Append("</section>").ToString();
    }

    private static void AppendArticle(StringBuilder html, DigestEntry entry, bool withSummary)
    {
        html.Append($"<h3 style=\"font-size:16px;margin-top:20px;\">{Html.Escape(entry.Title)}</h3>");
        var summary = entry.Article.Summary.Trim();
        if (withSummary && summary.Length > 0)
        {
            html.Append($"<p>{Html.Escape(summary)}</p>");
        }

        var source = entry.Article.Source is { } s && !string.IsNullOrWhiteSpace(s) ? $"来源：{Html.Escape(TextElements.OneLine(s))}" : null;
        var link = WebUrl(entry.Article.Url) is { } url ? Html.Link(url, "阅读原文") : null;
        if (source is not null || link is not null)
        {
            html.Append($"<p style=\"{Muted}\">{string.Join("　", new[] { source, link }.OfType<string>())}</p>");
        }
    }

    /// <summary>Only http(s) links: anything else (javascript:, data:) would be stripped by WeChat or unsafe.</summary>
    private static string? WebUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && DigestOptions.IsWebUrl(uri) ? uri.AbsoluteUri : null;

    private static bool Fits(string content) =>
        content.Length < DigestLimits.DraftContentCharactersBelow
        && Encoding.UTF8.GetByteCount(content) < DigestLimits.DraftContentBytesBelow;
}
