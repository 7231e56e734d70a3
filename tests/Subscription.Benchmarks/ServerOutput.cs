using System.Text.Json;

namespace Subscription.Benchmarks;

/// <summary>
/// What the server printed (warnings and errors only, at the benchmark's log level): a count per message
/// template for the report, and the last raw lines for start failures.
/// </summary>
public sealed class ServerOutput
{
    private const int Keep = 20;
    private readonly Queue<string> _last = new();
    private readonly Dictionary<string, int> _byMessage = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _lines;

    public int Lines
    {
        get
        {
            lock (_lock)
            {
                return _lines;
            }
        }
    }

    public void Add(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        var summary = Summarise(line);
        lock (_lock)
        {
            _lines++;
            _byMessage[summary] = _byMessage.GetValueOrDefault(summary) + 1;
            _last.Enqueue(line);
            if (_last.Count > Keep)
            {
                _last.Dequeue();
            }
        }
    }

    /// <summary>Forgets the counts (not the last lines), so start-up banners do not read as warnings.</summary>
    public void ResetCounts()
    {
        lock (_lock)
        {
            _lines = 0;
            _byMessage.Clear();
        }
    }

    public string Tail()
    {
        lock (_lock)
        {
            return string.Join('\n', _last.Select(l => "  | " + l));
        }
    }

    /// <summary>The most frequent messages, most frequent first.</summary>
    public IReadOnlyList<(string Message, int Count)> Commonest(int count)
    {
        lock (_lock)
        {
            return _byMessage.OrderByDescending(kv => kv.Value).Take(count).Select(kv => (kv.Key, kv.Value)).ToList();
        }
    }

    /// <summary>"Level Category: template" for the server's JSON log lines; other lines as they are.</summary>
    private static string Summarise(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var level = root.TryGetProperty("LogLevel", out var l) ? l.GetString() : null;
            var category = root.TryGetProperty("Category", out var c) ? c.GetString()?.Split('.')[^1] : null;
            var template = root.TryGetProperty("State", out var s) && s.TryGetProperty("{OriginalFormat}", out var f)
                ? f.GetString()
                : root.TryGetProperty("Message", out var m) ? m.GetString() : null;
            return $"{level} {category}: {template}";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return line.Length > 200 ? line[..200] + "…" : line;
        }
    }
}
