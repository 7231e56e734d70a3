using System.Globalization;
using System.Text;
using Subscription.Server.Issues;

namespace Subscription.Server.Archive;

/// <summary>An article found by a search: where it is, and whether the words were in its title.</summary>
public sealed record SearchHit(int IssueNumber, int ArticleIndex, string Title, bool InTitle);

/// <summary>
/// An immutable in-memory index over every published article. Chinese has no spaces between words, so it
/// indexes characters and character bigrams and confirms each candidate with a substring test. Documents are
/// numbered newest issue first, so walking posting lists in order yields results in ranking order and a
/// search stops as soon as it has enough.
/// </summary>
public sealed class SearchIndex
{
    private readonly List<Document> _documents = [];
    private readonly Dictionary<int, int[]> _titles;
    private readonly Dictionary<int, int[]> _texts;

    public SearchIndex(IEnumerable<Issue> issues, long revision)
    {
        Revision = revision;
        var titles = new Dictionary<int, List<int>>();
        var texts = new Dictionary<int, List<int>>();
        foreach (var issue in issues.OrderByDescending(i => i.Number))
        {
            for (var i = 0; i < issue.Articles.Count; i++)
            {
                var article = issue.Articles[i];
                var document = new Document(issue.Number, i + 1, article.Title, Normalize(article.Title), Normalize(string.Concat(article.Paragraphs)));
                var id = _documents.Count;
                _documents.Add(document);
                Post(titles, id, DocumentGrams(document.Title));
                Post(texts, id, DocumentGrams(document.Title).Concat(DocumentGrams(document.Body)));
            }
        }

        _titles = titles.ToDictionary(p => p.Key, p => p.Value.ToArray());
        _texts = texts.ToDictionary(p => p.Key, p => p.Value.ToArray());
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
        var hits = new List<SearchHit>(limit);
        if (terms.Count == 0 || limit < 1)
        {
            return hits;
        }

        var inTitle = new HashSet<int>();
        foreach (var id in Candidates(_titles, terms))
        {
            var d = _documents[id];
            if (terms.All(t => d.Title.Contains(t, StringComparison.Ordinal)) && inTitle.Add(id))
            {
                hits.Add(new SearchHit(d.IssueNumber, d.ArticleIndex, d.DisplayTitle, InTitle: true));
                if (hits.Count == limit)
                {
                    return hits;
                }
            }
        }

        foreach (var id in Candidates(_texts, terms))
        {
            var d = _documents[id];
            if (!inTitle.Contains(id) && terms.All(t => d.Title.Contains(t, StringComparison.Ordinal) || d.Body.Contains(t, StringComparison.Ordinal)))
            {
                hits.Add(new SearchHit(d.IssueNumber, d.ArticleIndex, d.DisplayTitle, InTitle: false));
                if (hits.Count == limit)
                {
                    break;
                }
            }
        }

        return hits;
    }

    /// <summary>Documents holding every gram of every term, in document order: the shortest list, filtered by the others.</summary>
    private static IEnumerable<int> Candidates(Dictionary<int, int[]> postings, List<string> terms)
    {
        var lists = new List<int[]>();
        foreach (var gram in terms.SelectMany(QueryGrams).Distinct())
        {
            if (!postings.TryGetValue(gram, out var list))
            {
                yield break;
            }

            lists.Add(list);
        }

        lists.Sort((a, b) => a.Length.CompareTo(b.Length));
        foreach (var id in lists[0])
        {
            var everywhere = true;
            for (var i = 1; i < lists.Count && everywhere; i++)
            {
                everywhere = Array.BinarySearch(lists[i], id) >= 0;
            }

            if (everywhere)
            {
                yield return id;
            }
        }
    }

    private static void Post(Dictionary<int, List<int>> postings, int id, IEnumerable<int> grams)
    {
        foreach (var gram in grams)
        {
            if (!postings.TryGetValue(gram, out var list))
            {
                postings[gram] = list = [];
            }

            // Ids arrive in increasing order, so a repeat of this document is always the last entry.
            if (list.Count == 0 || list[^1] != id)
            {
                list.Add(id);
            }
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
