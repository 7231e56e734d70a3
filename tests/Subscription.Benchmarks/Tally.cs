namespace Subscription.Benchmarks;

/// <summary>One worker's measurements, merged with the others' when the phase ends (no sharing while it runs).</summary>
public sealed class Tally
{
    private const int KeepSamples = 3;

    public List<long> Latencies { get; } = new(4096);

    public List<string> ErrorSamples { get; } = [];

    public long Requests { get; private set; }

    public long Errors { get; private set; }

    public void Record(long latencyTicks, string? error)
    {
        Requests++;
        Latencies.Add(latencyTicks);
        if (error is not null)
        {
            Errors++;
            if (ErrorSamples.Count < KeepSamples)
            {
                ErrorSamples.Add(error);
            }
        }
    }

    public static PhaseResult Merge(string name, IReadOnlyCollection<Tally> tallies, double seconds, string? note = null)
    {
        var latencies = tallies.SelectMany(t => t.Latencies).ToArray();
        Array.Sort(latencies);
        var samples = tallies.SelectMany(t => t.ErrorSamples).Distinct().Take(KeepSamples).ToList();
        return new PhaseResult(name, tallies.Sum(t => t.Requests), tallies.Sum(t => t.Errors), seconds, latencies, samples, note);
    }
}
