using System.Diagnostics;

namespace Subscription.Benchmarks;

/// <summary>
/// Fixed-rate load: request i is due at start + i / rate whether or not earlier ones were answered, and its
/// latency counts from that due time, so a stalled server shows up as queueing instead of as fewer samples.
/// </summary>
public sealed class OpenLoop(Sender sender)
{
    public async Task<PhaseResult> RunAsync(string name, BenchRequest[] requests, double rate, CancellationToken cancel)
    {
        var count = requests.Length;
        var latencies = new long[count];
        var lags = new long[count];
        var errors = new string?[count];

        async Task SendAsync(int i, long due)
        {
            lags[i] = Stopwatch.GetTimestamp() - due;
            errors[i] = await sender.SendAsync(requests[i], cancel);
            latencies[i] = Stopwatch.GetTimestamp() - due;
        }

        var start = Stopwatch.GetTimestamp();
        var sent = await Pacer.RunAsync(count, rate, start, SendAsync, cancel);
        // Each request ends within the client timeout, so this wait is bounded too.
        await Task.WhenAll(sent);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;

        var tally = new Tally();
        for (var i = 0; i < count; i++)
        {
            tally.Record(latencies[i], errors[i]);
        }

        // The latency from when the client really sent: the part of the latencies the client's own lag is not.
        var fromSend = latencies.Zip(lags, (latency, lag) => latency - lag).ToArray();
        Array.Sort(fromSend);
        Array.Sort(lags);
        var note = $"client send lag behind schedule p50 {PhaseResult.PercentileMs(lags, 0.5):F2} ms, " +
                   $"p99 {PhaseResult.PercentileMs(lags, 0.99):F2} ms (included in the latencies); " +
                   $"from the send p50 {PhaseResult.PercentileMs(fromSend, 0.5):F2} ms, p99 {PhaseResult.PercentileMs(fromSend, 0.99):F2} ms";
        return Tally.Merge(name, [tally], seconds, note);
    }
}
