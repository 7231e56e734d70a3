namespace Subscription.Benchmarks;

/// <summary>What the server printed: a count of lines and the last few, for the report and for start failures.</summary>
public sealed class ServerOutput
{
    private const int Keep = 20;
    private readonly Queue<string> _last = new();
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

        lock (_lock)
        {
            _lines++;
            _last.Enqueue(line);
            if (_last.Count > Keep)
            {
                _last.Dequeue();
            }
        }
    }

    public string Tail(int count = Keep)
    {
        lock (_lock)
        {
            return string.Join('\n', _last.TakeLast(count).Select(l => "  | " + l));
        }
    }
}
