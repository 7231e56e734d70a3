using Subscription.Server.Issues;

namespace Subscription.Server.Digests;

/// <param name="Index">1-based position in the issue's article list, as in the reader page's URL.</param>
internal sealed record DigestEntry(int Index, Article Article)
{
    /// <summary>The title on one line, as every digest form shows it.</summary>
    public string Title { get; } = TextElements.OneLine(Article.Title);
}

internal sealed record DigestSection(string Name, IReadOnlyList<DigestEntry> Entries);

/// <summary>The sections and articles a digest shows, in table-of-contents order.</summary>
internal static class DigestSelection
{
    /// <summary>
    /// Only the wanted sections; null, empty, or a filter matching no article means all sections,
    /// so a follower with stale preferences still gets a digest rather than an empty one.
    /// </summary>
    public static IReadOnlyList<DigestSection> Select(Issue issue, IReadOnlyCollection<string>? sections)
    {
        var all = Group(issue);
        if (sections is null || sections.Count == 0)
        {
            return all;
        }

        var wanted = sections.Select(s => s.Trim()).ToHashSet(StringComparer.Ordinal);
        var chosen = all.Where(s => wanted.Contains(s.Name.Trim())).ToList();
        return chosen.Count == 0 ? all : chosen;
    }

    public static int ArticleCount(IReadOnlyList<DigestSection> sections) => sections.Sum(s => s.Entries.Count);

    /// <summary>Sections in the issue's order, then any section only an article names; sections without articles are left out.</summary>
    private static List<DigestSection> Group(Issue issue)
    {
        var entries = issue.Articles.Select((article, i) => new DigestEntry(i + 1, article)).ToList();
        return issue.Sections
            .Concat(issue.Articles.Select(a => a.Section))
            .Distinct(StringComparer.Ordinal)
            .Select(name => new DigestSection(
                TextElements.OneLine(name),
                entries.Where(e => string.Equals(e.Article.Section, name, StringComparison.Ordinal)).ToList()))
            .Where(s => s.Entries.Count > 0)
            .ToList();
    }
}
