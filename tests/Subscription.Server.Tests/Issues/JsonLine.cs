namespace Subscription.Server.Tests.Issues;

/// <summary>Line arithmetic on indented JSON text, for pointing at the lines errors should name.</summary>
internal static class JsonLine
{
    /// <summary>The 1-based line of the <paramref name="occurrence"/>-th line containing <paramref name="fragment"/>.</summary>
    public static int Of(string json, string fragment, int occurrence = 1)
    {
        var lines = json.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(fragment, StringComparison.Ordinal) && --occurrence == 0)
            {
                return i + 1;
            }
        }

        throw new ArgumentException($"No line contains '{fragment}'.", nameof(fragment));
    }

    public static string Replace(string json, int line, string replacement)
    {
        var lines = json.Split('\n');
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }

    public static string Without(string json, int line) => string.Join('\n', json.Split('\n').Where((_, i) => i != line - 1));

    /// <summary>The JSON without a top-level property whose value fits on one line or is a one-level array.</summary>
    public static string WithoutProperty(string json, string name)
    {
        var lines = json.Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith($"  \"{name}\":", StringComparison.Ordinal));
        var end = lines[start].EndsWith('[') ? lines.FindIndex(start, l => l.StartsWith("  ]", StringComparison.Ordinal)) : start;
        lines.RemoveRange(start, end - start + 1);
        return string.Join('\n', lines);
    }
}
