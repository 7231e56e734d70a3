using System.Net;
using Microsoft.Extensions.Options;
using Subscription.Server.Archive;
using Subscription.Server.Digests;
using Subscription.Server.Issues;
using Subscription.Server.Reader;

namespace Subscription.Server.Callback;

/// <summary>Replies that come from the archive: the latest issue, past issues, a section, an issue by number, a search.</summary>
public sealed class ArchiveReplies(
    ArchiveStore archive,
    ArchiveSearch search,
    DigestRenderer digests,
    ReaderLinks links,
    IOptions<ReplyTexts> texts)
{
    private const int ListLength = 5;
    private const int TitleLength = 40;
    private const int SectionLookback = 10;

    private readonly ReplyTexts _texts = texts.Value;

    public async Task<Reply> LatestAsync(IReadOnlyCollection<string>? sections = null) =>
        await archive.GetLatestAsync() is { } latest
            ? new NewsReply(digests.NewsCard(latest.Issue, sections))
            : new TextReply(_texts.NoIssueYet);

    public async Task<Reply> IssueAsync(int number) =>
        await archive.GetPublishedAsync(number) is { } stored
            ? new NewsReply(digests.NewsCard(stored.Issue))
            : new TextReply(string.Format(_texts.IssueNotFound, number, links.Archive));

    public async Task<Reply> PastAsync()
    {
        var lines = (await archive.GetPublishedPageAsync(0, ListLength))
            .Select(issue => Link(links.Issue(issue.Number), $"总第{issue.Number}期 {issue.Headline}"))
            .ToList();
        return lines.Count == 0
            ? new TextReply(_texts.NoIssueYet)
            : new TextReply($"往期回顾：\n{string.Join("\n", lines)}\n\n{Link(links.Archive, "全部期刊")}");
    }

    /// <summary>The newest articles of one section, looking back over the last few issues.</summary>
    public async Task<Reply> SectionAsync(string section)
    {
        var lines = (await archive.GetPublishedPageAsync(0, SectionLookback))
            .SelectMany(issue => issue.Articles.Select((article, i) => (issue.Number, Index: i + 1, article)))
            .Where(a => a.article.Section == section)
            .Take(ListLength)
            .Select(a => Link(links.Article(a.Number, a.Index), a.article.Title))
            .ToList();
        return lines.Count == 0
            ? new TextReply(string.Format(_texts.SectionEmpty, section))
            : new TextReply($"【{section}】最新文章：\n{string.Join("\n", lines)}");
    }

    public async Task<Reply> SearchAsync(string query)
    {
        var hits = await search.SearchAsync(query, ListLength);
        if (hits.Count == 0)
        {
            return new TextReply(string.Format(_texts.NoSearchResults, Shorten(query, 20), links.Archive));
        }

        var lines = hits.Select(h => Link(links.Article(h.IssueNumber, h.ArticleIndex), h.Title));
        return new TextReply($"与“{Shorten(query, 20)}”相关的文章：\n{string.Join("\n", lines)}");
    }

    /// <summary>The sections the archive knows, from the newest issue.</summary>
    public async Task<IReadOnlyList<string>> KnownSectionsAsync() =>
        (await archive.GetLatestAsync())?.Issue.Sections ?? [];

    private static string Link(string url, string text) =>
        $"<a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(Shorten(text, TitleLength))}</a>";

    private static string Shorten(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[length - 1]) ? length - 1 : length;
        return text[..cut] + "…";
    }
}
