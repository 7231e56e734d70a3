using System.Globalization;

namespace Subscription.Benchmarks;

/// <summary>Command-line settings: --connections N, --seconds N, --server path/to/Subscription.Server.dll.</summary>
public sealed record BenchmarkOptions(int Connections, int Seconds, string? ServerDll, bool Search = false, bool Sync = false, bool Broadcast = false, int MassPerMinute = 0, int Workers = 2)
{
    public const string Usage =
        """
        Usage: Subscription.Benchmarks [search | sync | broadcast] [--connections N] [--seconds N] [--server path/to/Subscription.Server.dll]
          search         measure keyword-search replies over 500 synthetic issues instead of the callback peak
          sync           measure a follower sync of 1,000,000 emulated followers (time, server memory)
          broadcast      measure broadcasts to 1,000,000 followers: template (rate, memory, Hangfire's share), mass-openids
          --mass-per-minute  with broadcast: the mass-send limit (default 0 = off, which also runs the template part; 60 = WeChat's)
          --workers      with sync or broadcast: the server's Hangfire workers (1-64, default 2, the server's default)
          --connections  concurrent keep-alive connections in the peak phases (1-1024, default 32)
          --seconds      length of each measured phase (1-120, default 10)
          --server       the server to run (default: the build of src/Subscription.Server matching this build)
        Set SUBSCRIPTION_BENCH_REDIS=host:port to use that Redis instead of the embedded Garnet.
        """;

    /// <summary>Null (with <paramref name="error"/> set) when the arguments are not understood.</summary>
    public static BenchmarkOptions? Parse(string[] args, out string? error)
    {
        var options = new BenchmarkOptions(32, 10, null);
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--connections" when TryInt(value, 1, 1024, out var connections):
                    options = options with { Connections = connections };
                    i++;
                    break;
                case "--seconds" when TryInt(value, 1, 120, out var seconds):
                    // Bounded so pre-signed requests stay well inside the server's 300 s timestamp window.
                    options = options with { Seconds = seconds };
                    i++;
                    break;
                case "--mass-per-minute" when TryInt(value, 0, 6000, out var perMinute):
                    options = options with { MassPerMinute = perMinute };
                    i++;
                    break;
                case "--workers" when TryInt(value, 1, 64, out var workers):
                    options = options with { Workers = workers };
                    i++;
                    break;
                case "--server" when !string.IsNullOrWhiteSpace(value):
                    options = options with { ServerDll = Path.GetFullPath(value) };
                    i++;
                    break;
                case "search":
                    options = options with { Search = true };
                    break;
                case "sync":
                    options = options with { Sync = true };
                    break;
                case "broadcast":
                    options = options with { Broadcast = true };
                    break;
                case "-h" or "--help":
                    error = "";
                    return null;
                default:
                    error = $"Not understood: {args[i]} {value}".TrimEnd();
                    return null;
            }
        }

        return options;
    }

    private static bool TryInt(string? text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}
