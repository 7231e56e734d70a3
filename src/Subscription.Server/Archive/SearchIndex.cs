using System.Globalization;
using System.Text;
using Subscription.Server.Issues;

namespace Subscription.Server.Archive;

/// <summary>An article found by a search: where it is, and whether the words were in its title.</summary>
public sealed record SearchHit(int IssueNumber, int ArticleIndex, string Title, bool InTitle);

/// <summary>
/// An immutable in-memory index over every published article. Chinese has no spaces between words, so
/// it indexes character bigrams (and single characters) and confirms each candidate with a substring test.
/// </summary>
public sealed class SearchIndex
{
    private readonly List<Document> _documents = [];
    private readonly Dictionary<int, List<int>> _postings = [];

    public SearchIndex(IEnumerable<Issue> issues, long revision)
    {
        Revision = revision;
        foreach (var issue in issues.OrderByDescending(i => i.Number))
        {
            for (var i = 0; i < issue.Articles.Count; i++)
            {
                Add(issue.Number, i + 1, issue.Articles[i]);
            }
        }
    }

    public static SearchIndex Empty { get; } = new([], 0);

    /// <summary>The archive revision this index was built from.</summary>
    public long Revision { get; }

    public int Count => _documents.Count;

    /// <summary>Articles containing every term of the query; title hits first, then newest issue first.</summary>
    public IReadOnlyList<SearchHit> Search(string query, int limit)
    {
        var terms = query.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(Normalize).Where(t => t.Length > 0).Distinct().ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var candidates = terms.SelectMany(QueryGrams).Distinct()
            .Select(g => _postings.GetValueOrDefault(g) ?? [])
            .OrderBy(p => p.Count)
            .Aggregate((IEnumerable<int>?)null, (acc, p) => acc is null ? p : acc.Intersect(p))!;

        // Documents are added newest issue first, so document order is already the tie-break order.
        return candidates
            .Select(id => _documents[id])
            .Where(d => terms.All(t => d.Title.Contains(t, StringComparison.Ordinal) || d.Body.Contains(t, StringComparison.Ordinal)))
            .Select(d => new SearchHit(d.IssueNumber, d.ArticleIndex, d.DisplayTitle, terms.All(t => d.Title.Contains(t, StringComparison.Ordinal))))
            .OrderByDescending(h => h.InTitle)
            .ThenByDescending(h => h.IssueNumber)
            .ThenBy(h => h.ArticleIndex)
            .Take(limit)
            .ToList();
    }

    private void Add(int issueNumber, int articleIndex, Article article)
    {
        var title = Normalize(article.Title);
        var body = Normalize(string.Concat(article.Paragraphs));
        var id = _documents.Count;
        _documents.Add(new Document(issueNumber, articleIndex, article.Title, title, body));
        foreach (var gram in DocumentGrams(title).Concat(DocumentGrams(body)).Distinct())
        {
            if (!_postings.TryGetValue(gram, out var list))
            {
                _postings[gram] = list = [];
            }

            list.Add(id);
        }
    }

    // A character is its own key (< 65536); a bigram packs two UTF-16 units (>= 65536, as no unit is 0).
    private static int Bigram(char first, char second) => (first << 16) | second;

    /// <summary>Every character and every bigram, so that one-character queries work too.</summary>
    private static IEnumerable<int> DocumentGrams(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            yield return text[i];
            if (i + 1 < text.Length)
            {
                yield return Bigram(text[i], text[i + 1]);
            }
        }
    }

    /// <summary>The bigrams of a term (the rarest keys that still find every match), or its one character.</summary>
    private static IEnumerable<int> QueryGrams(string term) =>
        term.Length == 1 ? [term[0]] : Enumerable.Range(0, term.Length - 1).Select(i => Bigram(term[i], term[i + 1]));

    /// <summary>Lower-case letters and digits only, full-width folded to half-width, no spaces or punctuation.</summary>
    private static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    private sealed record Document(int IssueNumber, int ArticleIndex, string DisplayTitle, string Title, string Body);
}
