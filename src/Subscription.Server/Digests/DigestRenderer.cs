using Microsoft.Extensions.Options;
using Subscription.Server.Issues;
using Subscription.WeChat;

namespace Subscription.Server.Digests;

/// <summary>
/// One issue in every WeChat message form. Pure: the same issue, sections and options give the same output.
/// <c>sections</c> in each method is a follower's section preferences: null or empty means
/// all sections, and a filter matching no article also falls back to all.
/// </summary>
public sealed class DigestRenderer(IOptions<DigestOptions> options)
{
    private readonly DigestOptions _options = options.Value;
    private readonly IssueLabels _labels = new(options.Value);

    /// <summary>A text reply or customer-service text (§5.3, §9), at most <see cref="DigestLimits.TextBytes"/> UTF-8 bytes.</summary>
    public string TextDigest(Issue issue, IReadOnlyCollection<string>? sections = null) =>
        new TextDigestComposer(_labels).Compose(issue, DigestSelection.Select(issue, sections));

    /// <summary>The single article of a news reply or customer-service news (§5.4, §9), linking the issue page.</summary>
    public NewsArticle NewsCard(Issue issue, IReadOnlyCollection<string>? sections = null)
    {
        var headline = IssueLabels.Headline(issue);
        var title = $"{_labels.Publication} 第{issue.Number}期" + (headline.Length > 0 ? $"｜{headline}" : "");
        var entries = DigestSelection.Select(issue, sections).SelectMany(s => s.Entries);
        return new NewsArticle(
            TextElements.Truncate(title, DigestLimits.NewsTitleCharacters),
            IssueLabels.TitleList(entries, DigestLimits.NewsDescriptionCharacters),
            _options.CoverImageUrl.AbsoluteUri,
            _labels.IssuePage(issue));
    }

    /// <summary>The whole issue as one draft/add article (§13.1); drafts go to everyone, so there is no section filter.</summary>
    public DraftArticle DraftArticle(Issue issue)
    {
        var sections = DigestSelection.Select(issue, null);
        var headline = IssueLabels.Headline(issue);
        return new DraftArticle(
            TextElements.Truncate(headline.Length > 0 ? headline : $"{_labels.Publication} 第{issue.Number}期", DigestLimits.DraftTitleCharacters),
            TextElements.Truncate(TextElements.OneLine(_options.Author), DigestLimits.DraftAuthorCharacters),
            IssueLabels.TitleList(sections.SelectMany(s => s.Entries), DigestLimits.DraftDigestCharacters),
            new DraftContentComposer(_labels).Compose(issue, sections),
            _labels.IssuePage(issue));
    }

    /// <summary>A template/send body (§10) announcing the issue to one follower.</summary>
    /// <param name="clientMsgId">WeChat sends the same openid + id only once within about 10 minutes.</param>
    public TemplatePayload TemplateMessage(Issue issue, string openId, string templateId, string clientMsgId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(openId);
        ArgumentException.ThrowIfNullOrWhiteSpace(templateId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientMsgId);
        var data = TemplateFields(issue).ToDictionary(p => p.Key, p => new TemplateValue(p.Value), StringComparer.Ordinal);
        return new TemplatePayload(openId, templateId, IssuePage(issue), clientMsgId, data);
    }

    /// <summary>The template's keyword values for an issue, the same for every follower.</summary>
    public IReadOnlyDictionary<string, string> TemplateFields(Issue issue)
    {
        var headline = IssueLabels.Headline(issue);
        var fields = _options.TemplateFields;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [fields.Title] = TemplateText.Value(headline.Length > 0 ? headline : $"{_labels.Publication}第{issue.Number}期"),
            [fields.Date] = TemplateText.Value(IssueLabels.Date(issue)),
            // A character_string keyword takes only digits, letters and symbols, so no "总第185期".
            [fields.Issue] = TemplateText.Value($"No.{issue.Number}"),
        };
    }

    /// <summary>The issue's reader page, where every digest links.</summary>
    public string IssuePage(Issue issue) => _labels.IssuePage(issue);
}
