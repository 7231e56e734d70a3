using System.Diagnostics;

namespace Subscription.Benchmarks;

/// <summary>
/// Peak throughput: each worker sends its next request as soon as the previous one is answered,
/// until the time is up or the requests run out.
/// </summary>
public sealed class ClosedLoop(Sender sender)
{
    /// <param name="source">The request with a given index, or null when there are no more.</param>
    public async Task<PhaseResult> RunAsync(
        string name, Func<long, BenchRequest?> source, long maxRequests, int workers, TimeSpan duration, CancellationToken cancel)
    {
        var issued = 0L;
        var ranOut = 0;
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task<Tally> WorkAsync()
        {
            var tally = new Tally();
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var index = Interlocked.Increment(ref issued) - 1;
                var request = index < maxRequests ? source(index) : null;
                if (request is null)
                {
                    Interlocked.Exchange(ref ranOut, 1);
                    break;
                }

                var sent = Stopwatch.GetTimestamp();
                var error = await sender.SendAsync(request, cancel);
                tally.Record(Stopwatch.GetTimestamp() - sent, error);
            }

            return tally;
        }

        var tallies = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync, cancel)));
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var note = ranOut == 1 ? $"ran out of prepared requests after {seconds:F1} s" : null;
        return Tally.Merge(name, tallies, seconds, note);
    }
}
