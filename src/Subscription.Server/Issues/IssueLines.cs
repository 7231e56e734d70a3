namespace Subscription.Server.Issues;

/// <summary>The lines of an uploaded issue with their folded forms; indexes are 0-based, <see cref="Number"/> 1-based.</summary>
internal sealed class IssueLines
{
    private readonly string[] _raw;
    private readonly string[] _folded;

    public IssueLines(string text)
    {
        _raw = IssueText.SplitLines(text);
        _folded = Array.ConvertAll(_raw, IssueText.Fold);
    }

    public int Count => _raw.Length;

    public static int Number(int index) => index + 1;

    /// <summary>The line, trimmed.</summary>
    public string this[int index] => _raw[index].Trim();

    public string Folded(int index) => _folded[index];

    public bool IsBlank(int index) => _folded[index].Length == 0;

    /// <summary>The first index in [from, to) whose folded form equals <paramref name="folded"/>, or -1.</summary>
    public int Find(string folded, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (_folded[i] == folded)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether a title (folded) starts at <paramref name="index"/>, on that line alone or continued on the next
    /// non-blank line before <paramref name="to"/>; returns the index of the title's last line, or -1.
    /// </summary>
    public int MatchTitle(int index, string foldedTitle, int to)
    {
        var first = _folded[index];
        if (first.Length == 0 || !foldedTitle.StartsWith(first, StringComparison.Ordinal))
        {
            return -1;
        }

        if (first.Length == foldedTitle.Length)
        {
            return index;
        }

        for (var next = index + 1; next < to; next++)
        {
            if (IsBlank(next))
            {
                continue;
            }

            return first.Length + _folded[next].Length == foldedTitle.Length
                && foldedTitle.AsSpan(first.Length).SequenceEqual(_folded[next])
                ? next
                : -1;
        }
        return -1;
    }

    /// <summary>The first and last line of the first occurrence of a title (folded) in [from, to), or (-1, -1).</summary>
    public (int First, int Last) FindTitle(string foldedTitle, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (MatchTitle(i, foldedTitle, to) is var last and >= 0)
            {
                return (i, last);
            }
        }

        return (-1, -1);
    }
}
