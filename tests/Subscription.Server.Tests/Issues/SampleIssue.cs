namespace Subscription.Server.Tests.Issues;

/// <summary>config/samples/issue-185.txt as the build copies it, and ways to derive variants from it.</summary>
internal static class SampleIssue
{
    public static string Text { get; } =
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "samples", "issue-185.txt"));

    public static string[] Lines() => Text.Split('\n');

    /// <summary>The 1-based number of the first line, at or after <paramref name="after"/>, that equals <paramref name="line"/> once trimmed.</summary>
    public static int LineOf(string line, int after = 1)
    {
        var lines = Lines();
        for (var i = after - 1; i < lines.Length; i++)
        {
            if (lines[i].Trim() == line)
            {
                return i + 1;
            }
        }

        throw new ArgumentException($"The sample has no line '{line}' at or after line {after}.", nameof(line));
    }

    /// <summary>The number of the line where the body of an article starts: its title, after the table of contents.</summary>
    public static int BodyTitleLine(string titleAsPrinted) => LineOf(titleAsPrinted, LineOf("本期要目"));

    /// <summary>The sample with 1-based line <paramref name="number"/> replaced (by several lines if the replacement has newlines).</summary>
    public static string WithLine(int number, string replacement)
    {
        var lines = Lines();
        lines[number - 1] = replacement;
        return string.Join('\n', lines);
    }

    /// <summary>The sample with lines inserted before 1-based line <paramref name="number"/>.</summary>
    public static string WithLinesBefore(int number, params string[] inserted)
    {
        var lines = Lines().ToList();
        lines.InsertRange(number - 1, inserted);
        return string.Join('\n', lines);
    }

    /// <summary>Exactly one occurrence of <paramref name="old"/> replaced; fails if there is not exactly one.</summary>
    public static string ReplaceOnce(string text, string old, string replacement)
    {
        var first = text.IndexOf(old, StringComparison.Ordinal);
        if (first < 0 || text.IndexOf(old, first + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{old}' does not occur exactly once.", nameof(old));
        }

        return string.Concat(text.AsSpan(0, first), replacement, text.AsSpan(first + old.Length));
    }
}
