using System.Text;
using Subscription.Server.Issues;

namespace Subscription.Server.Digests;

/// <summary>The text digest, in the richest of three forms that fits <see cref="DigestLimits.TextBytes"/>.</summary>
internal sealed class TextDigestComposer(IssueLabels labels)
{
    private sealed record Block(string Heading, List<string> Lines);

    /// <remarks>
    /// Every title is HTML-escaped, also in the plain forms: the message carries &lt;a&gt; markup, so a
    /// title like "&lt;b&gt;" must not be read as a tag.
    /// </remarks>
    public string Compose(Issue issue, IReadOnlyList<DigestSection> sections)
    {
        var header = $"{Html.Escape(labels.TitleLine(issue))}\n{IssueLabels.Date(issue)}";
        var issueLink = Html.Link(labels.IssuePage(issue), "阅读本期全文");

        var linked = Render(header, Blocks(sections, e => Html.Link(labels.ArticlePage(issue, e), e.Title)), null, issueLink);
        if (Fits(linked))
        {
            return linked;
        }

        var plain = Render(header, Blocks(sections, e => Html.Escape(e.Title)), null, issueLink);
        return Fits(plain) ? plain : Partial(header, sections, issueLink);
    }

    /// <summary>As many plain headlines as fit, then "……等N篇" (N = all the digest's articles) and the issue link.</summary>
    private static string Partial(string header, IReadOnlyList<DigestSection> sections, string issueLink)
    {
        var more = $"……等{DigestSelection.ArticleCount(sections)}篇";
        var blocks = new List<Block>();
        var shown = 0;
        foreach (var section in sections)
        {
            var block = new Block(Heading(section), []);
            blocks.Add(block);
            foreach (var entry in section.Entries)
            {
                bool FitsWith(string title)
                {
                    block.Lines.Add(Line(Html.Escape(title)));
                    var fits = Fits(Render(header, blocks, more, issueLink));
                    block.Lines.RemoveAt(block.Lines.Count - 1);
                    return fits;
                }

                // Later headlines are shown whole or not at all; only a first one too long on its own is cut.
                var title = FitsWith(entry.Title) ? entry.Title
                    : shown == 0 ? TextElements.LongestFitting(entry.Title, FitsWith)
                    : null;
                if (title is not null)
                {
                    block.Lines.Add(Line(Html.Escape(title)));
                    shown++;
                }

                if (title != entry.Title)
                {
                    return Render(header, blocks, more, issueLink);
                }
            }
        }

        return Render(header, blocks, more, issueLink);
    }

    private static List<Block> Blocks(IReadOnlyList<DigestSection> sections, Func<DigestEntry, string> headline) =>
        sections.Select(s => new Block(Heading(s), s.Entries.Select(e => Line(headline(e))).ToList())).ToList();

    private static string Heading(DigestSection section) => $"【{Html.Escape(section.Name)}】";

    private static string Line(string headline) => $"· {headline}";

    private static string Render(string header, IEnumerable<Block> blocks, string? more, string issueLink)
    {
        var text = new StringBuilder(header);
        foreach (var block in blocks.Where(b => b.Lines.Count > 0))
        {
            text.Append("\n\n").Append(block.Heading);
            foreach (var line in block.Lines)
            {
                text.Append('\n').Append(line);
            }
        }

        if (more is not null)
        {
            text.Append('\n').Append(more);
        }

        return text.Append("\n\n").Append(issueLink).ToString();
    }

    private static bool Fits(string text) => Encoding.UTF8.GetByteCount(text) <= DigestLimits.TextBytes;
}
