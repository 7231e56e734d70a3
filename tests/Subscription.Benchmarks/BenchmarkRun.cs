namespace Subscription.Benchmarks;

public sealed record BenchmarkResults(
    IReadOnlyList<PhaseResult> WarmUp, PhaseResult Bare, PhaseResult Callbacks, PhaseResult HalfLoad, double HalfLoadTarget);

/// <summary>The phases in order: warm-up, peak on /livez, peak on /wechat, then /wechat at half that peak.</summary>
public sealed class BenchmarkRun(BenchmarkOptions options, ServerProcess server, Sender sender, CallbackFactory callbacks)
{
    private const long MaxBareRequests = 200_000L * 120;
    private const int MinPool = 1_000;
    private const int MaxPool = 2_000_000;
    private static readonly TimeSpan WarmBare = TimeSpan.FromSeconds(2);
    // Long enough for tiered compilation to finish with the callback path: after 3 s it was still recompiling through
    // the first 4 s of the peak, at about a third of the machine, which measured start-up rather than the steady state.
    private static readonly TimeSpan WarmCallbacks = TimeSpan.FromSeconds(10);

    private readonly ClosedLoop _closed = new(sender);
    private readonly TimeSpan _phase = TimeSpan.FromSeconds(options.Seconds);
    private readonly int _workers = options.Connections;

    public async Task<BenchmarkResults> RunAsync(CancellationToken cancel)
    {
        Progress($"warming up ({(WarmBare + WarmCallbacks).TotalSeconds:F0} s)");
        // Warm-up failures are reported but not fatal: a cold start is allowed to be slow.
        var warmBare = await Measure(
            () => _closed.RunAsync("warm-up GET /livez", _ => BenchRequest.Livez, MaxBareRequests, _workers, WarmBare, cancel),
            enforce: false);
        var warmCallbacks = await Measure(
            () => _closed.RunAsync("warm-up POST /wechat", _ => callbacks.Create(), MaxPool, _workers, WarmCallbacks, cancel),
            enforce: false);

        Progress($"peak GET /livez ({options.Seconds} s)");
        await SettleAsync(cancel);
        var bare = await Measure(() => _closed.RunAsync("GET /livez", _ => BenchRequest.Livez, MaxBareRequests, _workers, _phase, cancel));

        // Signing on the client takes CPU from the server on the same machine, so requests are signed before
        // the clock starts: as many as the bare endpoint answered, since a callback never costs less.
        var poolSize = (int)Math.Clamp(bare.Rate * options.Seconds + _workers, MinPool, MaxPool);
        Progress($"peak POST /wechat ({options.Seconds} s, {poolSize} signed requests prepared)");
        var pool = callbacks.CreateMany(poolSize);
        await SettleAsync(cancel);
        var peak = await Measure(() => _closed.RunAsync("POST /wechat", i => pool[i], pool.Length, _workers, _phase, cancel));
        pool = [];

        var rate = Math.Max(1, peak.Rate / 2);
        Progress($"POST /wechat at {rate:F0} req/s ({options.Seconds} s)");
        var scheduled = callbacks.CreateMany((int)Math.Max(1, Math.Round(rate * options.Seconds)));
        await SettleAsync(cancel);
        var half = await Measure(() => new OpenLoop(sender).RunAsync("POST /wechat at 50% peak", scheduled, rate, cancel));

        return new BenchmarkResults([warmBare, warmCallbacks], bare, peak, half, rate);
    }

    /// <summary>Runs a phase, adds what it cost in CPU and server log lines, and checks the answers.</summary>
    private async Task<PhaseResult> Measure(Func<Task<PhaseResult>> phase, bool enforce = true)
    {
        var logged = server.Output.Lines;
        var serverCpu = server.CpuTime();
        var clientCpu = Environment.CpuUsage.TotalTime;
        var result = await phase();
        result = result with
        {
            ServerCpu = server.CpuTime() - serverCpu,
            ClientCpu = Environment.CpuUsage.TotalTime - clientCpu,
        };

        // The server's output arrives through a pipe: give the last lines a moment before counting.
        await Task.Delay(200);
        result = result with { ServerLogLines = server.Output.Lines - logged };
        if (server.HasExited)
        {
            throw new BenchmarkException($"The server exited during \"{result.Name}\":\n{server.Output.Tail()}");
        }

        return enforce ? result.EnsureMostlyCorrect() : result;
    }

    /// <summary>Lets the server finish deferred work and collects this process's garbage before a clock starts.</summary>
    private static async Task SettleAsync(CancellationToken cancel)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        await Task.Delay(TimeSpan.FromSeconds(1), cancel);
    }

    private static void Progress(string message) => Console.Error.WriteLine($"… {message}");
}
