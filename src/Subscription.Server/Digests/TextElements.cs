using System.Globalization;
using System.Text;

namespace Subscription.Server.Digests;

/// <summary>Counting and cutting by text elements, so emoji, flags and surrogate pairs stay whole.</summary>
internal static class TextElements
{
    public const string Ellipsis = "…";

    public static int Count(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>The text itself when it has at most <paramref name="max"/> elements, else a prefix plus "…" of exactly that many.</summary>
    public static string Truncate(string text, int max)
    {
        if (Count(text) <= max)
        {
            return text;
        }

        return max <= 0 ? "" : Prefix(text, max - 1).TrimEnd() + Ellipsis;
    }

    /// <summary>The longest "prefix…" of text (or text itself) that <paramref name="fits"/> accepts; null when not even one element does.</summary>
    public static string? LongestFitting(string text, Func<string, bool> fits)
    {
        if (fits(text))
        {
            return text;
        }

        string? best = null;
        var prefixLength = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            prefixLength += elements.GetTextElement().Length;
            var candidate = text[..prefixLength].TrimEnd() + Ellipsis;
            if (!fits(candidate))
            {
                break;
            }

            best = candidate;
        }

        return best;
    }

    /// <summary>One line: line breaks, tabs and other separators become single spaces.</summary>
    public static string OneLine(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var isSpace = Rune.IsWhiteSpace(rune) || Rune.IsControl(rune);
            if (isSpace && !lastWasSpace)
            {
                builder.Append(' ');
            }
            else if (!isSpace)
            {
                builder.Append(rune.ToString());
            }

            lastWasSpace = isSpace;
        }

        return builder.ToString().Trim();
    }

    private static string Prefix(string text, int elements)
    {
        var length = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        for (var i = 0; i < elements && enumerator.MoveNext(); i++)
        {
            length += enumerator.GetTextElement().Length;
        }

        return text[..length];
    }
}
