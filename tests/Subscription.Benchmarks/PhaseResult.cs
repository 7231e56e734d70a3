using System.Diagnostics;

namespace Subscription.Benchmarks;

/// <summary>What one phase measured. Latencies are Stopwatch ticks, sorted ascending.</summary>
public sealed record PhaseResult(
    string Name, long Requests, long Errors, double Seconds, long[] SortedLatencies, IReadOnlyList<string> ErrorSamples, string? Note = null)
{
    /// <summary>Lines the server logged (at Warning or above) while the phase ran.</summary>
    public int ServerLogLines { get; init; }

    /// <summary>CPU time the server process used while the phase ran; less swayed by other load than rates and latencies.</summary>
    public TimeSpan ServerCpu { get; init; }

    /// <summary>CPU time this process used (sending and measuring) while the phase ran.</summary>
    public TimeSpan ClientCpu { get; init; }

    public double ServerCpuMsPerRequest => Requests == 0 ? double.NaN : ServerCpu.TotalMilliseconds / Requests;

    public double ClientCpuMsPerRequest => Requests == 0 ? double.NaN : ClientCpu.TotalMilliseconds / Requests;

    /// <summary>Correct answers per second.</summary>
    public double Rate => Seconds > 0 ? (Requests - Errors) / Seconds : 0;

    public double ErrorRatio => Requests == 0 ? 1 : (double)Errors / Requests;

    public double P50Ms => PercentileMs(SortedLatencies, 0.50);

    public double P99Ms => PercentileMs(SortedLatencies, 0.99);

    public double MaxMs => SortedLatencies.Length == 0 ? double.NaN : ToMs(SortedLatencies[^1]);

    /// <summary>Nearest-rank percentile of sorted ticks, in milliseconds.</summary>
    public static double PercentileMs(long[] sorted, double fraction)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return ToMs(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    public static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>Throws when more than 1 % of the answers were wrong: the figures would describe failures, not work.</summary>
    public PhaseResult EnsureMostlyCorrect()
    {
        if (ErrorRatio <= 0.01)
        {
            return this;
        }

        var samples = string.Join("\n", ErrorSamples.Select(s => "  " + s));
        throw new BenchmarkException(
            $"{Name}: {Errors} of {Requests} requests failed ({ErrorRatio:P1}, limit 1 %). First errors:\n{samples}");
    }
}
