using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Benchmarks;

public sealed record SyncResults(int Followers, long IdleWorkingSet, long PeakWorkingSet, double Seconds, JsonElement Final);

/// <summary>
/// A follower sync of 1,000,000 emulated followers into an empty store, run by the server's Hangfire worker:
/// its duration and the server's peak working set next to the working set it had idle, before the sync.
/// </summary>
public static class SyncRun
{
    public const int Followers = 1_000_000;

    /// <summary>The emulator WeChat for this run; the server's settings must point at it.</summary>
    public static async Task<EmulatorHost> StartWeChatAsync(CancellationToken cancel)
    {
        var wechat = await EmulatorHost.StartAsync(new EmulatorOptions
        {
            AppId = ServerSettings.AppId,
            AppSecret = ServerSettings.AppSecret,
            EnforceQuotas = false,
            EnforceRateLimits = false,
        }, cancel);
        wechat.State.Followers.Seed(Followers);
        return wechat;
    }

    public static async Task<SyncResults> RunAsync(ServerProcess server, HttpClient admin, CancellationToken cancel)
    {
        // Idle: settled after start-up, before any sync work.
        await Task.Delay(TimeSpan.FromSeconds(3), cancel);
        var idle = server.WorkingSet();
        var peak = idle;

        var clock = Stopwatch.StartNew();
        using (var started = await admin.PostAsync("/admin/api/followers/sync", null, cancel))
        {
            if (started.StatusCode != HttpStatusCode.Accepted)
            {
                throw new BenchmarkException($"starting the sync: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync(cancel)}");
            }
        }

        JsonElement state;
        var lastPoll = TimeSpan.Zero;
        while (true)
        {
            await Task.Delay(100, cancel);
            peak = Math.Max(peak, server.WorkingSet());
            if (clock.Elapsed - lastPoll < TimeSpan.FromSeconds(1))
            {
                continue;
            }

            lastPoll = clock.Elapsed;
            state = await admin.GetFromJsonAsync<JsonElement>("/admin/api/followers/sync", cancel);
            var phase = state.GetProperty("state").GetString();
            if (phase == "completed" || state.GetProperty("error").ValueKind == JsonValueKind.String)
            {
                break;
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(30))
            {
                throw new BenchmarkException("the sync did not finish within 30 minutes");
            }
        }

        return new SyncResults(Followers, idle, peak, clock.Elapsed.TotalSeconds, state);
    }

    public static void Print(TextWriter output, ServerSettings settings, SyncResults results)
    {
        const double MiB = 1024 * 1024;
        output.WriteLine($"Subscription follower-sync benchmark (store: {settings.StoreDescription}; {results.Followers:N0} emulated followers, empty store)");
        output.WriteLine($"sync                      {results.Seconds,8:F1} s   {results.Followers / results.Seconds,8:F0} followers/s   state {results.Final.GetProperty("state").GetString()}, listed {results.Final.GetProperty("listed").GetInt64():N0}, added {results.Final.GetProperty("added").GetInt64():N0}");
        output.WriteLine($"server working set        idle {results.IdleWorkingSet / MiB,7:F1} MiB   peak {results.PeakWorkingSet / MiB,7:F1} MiB   growth {(results.PeakWorkingSet - results.IdleWorkingSet) / MiB,6:F1} MiB   (target growth < 64 MB)");
    }
}
