using System.Text;
using System.Text.Json;

namespace Subscription.Server.Issues;

/// <summary>The 1-based lines of an issue document's parts, for pointing validation errors at them.</summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _top = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<int> _sections = [];
    private readonly List<(int Line, Dictionary<string, int> Properties)> _articles = [];

    /// <summary>The line of the root object's opening brace.</summary>
    public int Root { get; private set; } = 1;

    /// <summary>The line of a top-level property's name, or the root's.</summary>
    public int Top(string property) => _top.GetValueOrDefault(property, Root);

    public int Section(int index) => index < _sections.Count ? _sections[index] : Top("sections");

    public int Article(int index) => index < _articles.Count ? _articles[index].Line : Top("articles");

    /// <summary>The line of an article's property name, or the article's.</summary>
    public int ArticleProperty(int index, string property) =>
        index < _articles.Count && _articles[index].Properties.TryGetValue(property, out var line) ? line : Article(index);

    /// <summary>Maps a document that has already been read successfully; names compare case-insensitively, as they were read.</summary>
    public static JsonLineMap Build(string json)
    {
        var map = new JsonLineMap();
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        var newlines = 0;
        var counted = 0;
        string? top = null;
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                newlines += bytes.AsSpan(counted, start - counted).Count((byte)'\n');
                counted = start;
                map.Record(ref reader, ref top, newlines + 1);
            }
        }
        catch (JsonException)
        {
            // Not reached for a document the serializer accepted; the lines found so far still serve.
        }
        return map;
    }

    private void Record(ref Utf8JsonReader reader, ref string? top, int line)
    {
        var token = reader.TokenType;
        var isValueStart = token is not (JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray);
        switch (reader.CurrentDepth)
        {
            case 0 when token == JsonTokenType.StartObject:
                Root = line;
                break;
            case 1 when token == JsonTokenType.PropertyName:
                top = reader.GetString() ?? "";
                _top[top] = line;
                break;
            case 2 when isValueStart && string.Equals(top, "sections", StringComparison.OrdinalIgnoreCase):
                _sections.Add(line);
                break;
            case 2 when isValueStart && string.Equals(top, "articles", StringComparison.OrdinalIgnoreCase):
                _articles.Add((line, new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)));
                break;
            case 3 when token == JsonTokenType.PropertyName && _articles.Count > 0
                && string.Equals(top, "articles", StringComparison.OrdinalIgnoreCase):
                _articles[^1].Properties[reader.GetString() ?? ""] = line;
                break;
        }
    }
}
