using Subscription.Server.Issues;
using Subscription.Server.Reader;

namespace Subscription.Server.Digests;

/// <summary>The issue's identity and links, worded as the printed newsletter words them.</summary>
internal sealed class IssueLabels(DigestOptions options)
{
    private readonly ReaderLinks _links = new(Microsoft.Extensions.Options.Options.Create(options));

    public string Publication { get; } = TextElements.OneLine(options.Publication);

    public string IssuePage(Issue issue) => _links.Issue(issue.Number);

    public string ArticlePage(Issue issue, DigestEntry entry) => _links.Article(issue.Number, entry.Index);

    /// <summary>《大数据发展动态》第22期（总第185期）</summary>
    public string TitleLine(Issue issue) => $"《{Publication}》{Numbers(issue)}";

    /// <summary>第22期（总第185期）</summary>
    public static string Numbers(Issue issue) => $"第{issue.NumberInYear}期（总第{issue.Number}期）";

    /// <summary>2024年6月17日</summary>
    public static string Date(Issue issue) => $"{issue.Date.Year}年{issue.Date.Month}月{issue.Date.Day}日";

    public static string Headline(Issue issue) => TextElements.OneLine(issue.Headline);

    /// <summary>Whole titles joined by "；" while they fit in <paramref name="max"/> elements; the first one cut if even it does not.</summary>
    public static string TitleList(IEnumerable<DigestEntry> entries, int max)
    {
        var list = "";
        foreach (var entry in entries)
        {
            var next = list.Length == 0 ? entry.Title : $"{list}；{entry.Title}";
            if (TextElements.Count(next) > max)
            {
                return list.Length == 0 ? TextElements.Truncate(entry.Title, max) : list;
            }

            list = next;
        }

        return list;
    }
}
