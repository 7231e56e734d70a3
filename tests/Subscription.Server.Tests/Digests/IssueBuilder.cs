using Subscription.Server.Issues;

namespace Subscription.Server.Tests.Digests;

internal sealed class IssueBuilder
{
    private readonly List<Article> _articles = [];

    public IssueBuilder Add(string section, int page, string title, string? source, string? url, string summary)
    {
        _articles.Add(new Article(section, page, title, source, url, [summary, "正文第二段。"], summary));
        return this;
    }

    public IReadOnlyList<Article> Build() => _articles;
}
