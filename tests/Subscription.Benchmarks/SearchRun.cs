using System.Diagnostics;
using System.Net;
using System.Text;

namespace Subscription.Benchmarks;

public sealed record SearchResults(int Issues, double PublishSeconds, double IndexSeconds, PhaseResult Plain, PhaseResult Search);

/// <summary>
/// Publishes 500 synthetic issues (7,500 articles), waits until the search index holds them, then measures
/// a keyword-search text reply next to a plain keyword reply ("帮助") of the same server, alternately.
/// </summary>
public sealed class SearchRun(BenchmarkOptions options, Sender sender, CallbackFactory callbacks, HttpClient admin)
{
    public const int IssueCount = 500;
    private const int FirstNumber = 10_000;
    private const int Workers = 4;

    public async Task<SearchResults> RunAsync(CancellationToken cancel)
    {
        var issues = new SyntheticIssues(seed: 185);
        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, IssueCount, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancel }, async (i, token) =>
        {
            using var content = new StringContent(issues.Json(FirstNumber + i), Encoding.UTF8, "application/json");
            using var response = await admin.PostAsync("/admin/api/issues?publish=true", content, token);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new BenchmarkException($"publishing issue {FirstNumber + i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
            }
        });
        var published = clock.Elapsed.TotalSeconds;

        // The index is rebuilt in the background after publications; wait until the last issue is searchable.
        clock.Restart();
        var last = FirstNumber + IssueCount - 1;
        while (!(await admin.GetStringAsync($"/search?q={Uri.EscapeDataString($"{last}-15")}", cancel)).Contains($"/issues/{last}/15", StringComparison.Ordinal))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(120))
            {
                throw new BenchmarkException("the search index did not pick up the published issues within 120 s");
            }

            await Task.Delay(200, cancel);
        }

        var indexed = clock.Elapsed.TotalSeconds;
        var loop = new ClosedLoop(sender);
        var phase = TimeSpan.FromSeconds(options.Seconds);
        var queries = SyntheticIssues.Vocabulary.Concat(["海外仓 跨境电商", "贵州 数据要素", "火星探测", "数字化转型 中小企业", "10250-3"]).ToArray();

        // Warm both paths, then measure each; the plain reply is the baseline of the same server and run.
        await loop.RunAsync("warm-up", i => callbacks.CreateText(queries[i % queries.Length]), long.MaxValue, Workers, TimeSpan.FromSeconds(2), cancel);
        await loop.RunAsync("warm-up", _ => callbacks.CreateText("帮助"), long.MaxValue, Workers, TimeSpan.FromSeconds(1), cancel);
        var plain = await loop.RunAsync("text 帮助 (keyword table)", _ => callbacks.CreateText("帮助"), long.MaxValue, Workers, phase, cancel);
        var search = await loop.RunAsync("text search (7,500 articles)", i => callbacks.CreateText(queries[i % queries.Length]), long.MaxValue, Workers, phase, cancel);
        return new SearchResults(IssueCount, published, indexed, plain, search);
    }

    public static void Print(TextWriter output, BenchmarkOptions options, ServerSettings settings, SearchResults results)
    {
        output.WriteLine($"Subscription search benchmark (store: {settings.StoreDescription}; {results.Issues} issues, {results.Issues * 15} articles; {Workers} connections, {options.Seconds} s per phase)");
        output.WriteLine($"publish {results.Issues} issues         {results.PublishSeconds,7:F1} s; searchable after a further {results.IndexSeconds:F1} s");
        foreach (var phase in new[] { results.Plain, results.Search })
        {
            output.WriteLine($"{phase.Name,-30} {phase.Rate,7:F0} req/s   p50 {phase.P50Ms,6:F2} ms  p99 {phase.P99Ms,6:F2} ms  max {phase.MaxMs,7:F1} ms   errors {phase.Errors}");
        }

        output.WriteLine($"ratio search/plain p99        {results.Search.P99Ms / results.Plain.P99Ms,7:F2}   (target: search p99 <= 20 ms)");
    }
}
