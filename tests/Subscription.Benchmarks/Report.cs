namespace Subscription.Benchmarks;

public static class Report
{
    private const double RatioTarget = 0.5;
    private const double HalfLoadP99TargetMs = 10;

    public static void Print(
        TextWriter output, BenchmarkOptions options, ServerSettings settings, BenchmarkResults results, ServerOutput log, double? busyAtStart)
    {
        var (bare, peak, half) = (results.Bare, results.Callbacks, results.HalfLoad);
        var lines = new List<string>
        {
            $"Subscription callback benchmark (store: {settings.StoreDescription}; {options.Connections} connections, " +
            $"{options.Seconds} s per phase; {MachineLoad.Describe(busyAtStart)})",
            Row("bare GET /livez", $"peak {bare.Rate,6:F0} req/s", bare, ""),
            Row("POST /wechat (signed)", $"peak {peak.Rate,6:F0} req/s", peak, ""),
            $"{"ratio callbacks/bare",-27}{(bare.Rate > 0 ? peak.Rate / bare.Rate : 0):F2}   (target >= {RatioTarget:F1})",
            Row("POST /wechat at 50% peak", $"{half.Rate,6:F0} req/s     ", half,
                $"   (target p99 <= {HalfLoadP99TargetMs:F0} ms; scheduled {results.HalfLoadTarget:F0} req/s)"),
        };

        foreach (var phase in results.WarmUp.Where(w => w.Errors > 0))
        {
            lines.Add($"  {phase.Name}: {phase.Errors} of {phase.Requests} answers wrong, max latency {phase.MaxMs:F0} ms");
        }

        foreach (var phase in results.WarmUp.Append(bare).Append(peak).Append(half))
        {
            if (phase.Note is not null)
            {
                lines.Add($"  note, {phase.Name}: {phase.Note}");
            }

            if (phase.ServerLogLines > 0)
            {
                lines.Add($"  note, {phase.Name}: the server logged {phase.ServerLogLines} warnings or errors");
            }

            lines.AddRange(phase.ErrorSamples.Select(s => $"  error, {phase.Name}: {s}"));
        }

        lines.Add($"server log: {log.Lines} warnings or errors" + (log.Lines > 0 ? ", commonest:" : ""));
        lines.AddRange(log.Commonest(5).Select(m => $"  {m.Count,6} x {m.Message}"));
        if (settings.RedisConfiguration is not null)
        {
            lines.Add($"keys written under {settings.KeyPrefix} remain in the redis at {settings.RedisConfiguration}");
        }

        foreach (var line in lines)
        {
            output.WriteLine(line);
        }
    }

    private static string Row(string name, string rate, PhaseResult phase, string suffix) =>
        $"{name,-27}{rate}   p50 {phase.P50Ms,5:F2} ms  p99 {phase.P99Ms,5:F2} ms  max {phase.MaxMs,6:F1} ms   errors {phase.Errors}   " +
        $"cpu/req server {phase.ServerCpuMsPerRequest:F3} ms client {phase.ClientCpuMsPerRequest:F3} ms{suffix}";
}
