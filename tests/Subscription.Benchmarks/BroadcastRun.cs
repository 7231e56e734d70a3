using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StackExchange.Redis;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Benchmarks;

/// <summary>
/// Broadcasts to 1,000,000 followers (synced from the emulator first), each next to a baseline measured in the
/// same run: the template channel against a plain HTTP client hammering the same emulator endpoint, and the
/// mass-openids channel against paging the same audience sorted set, with and without the 60/min limit.
/// </summary>
public sealed class BroadcastRun(ServerProcess server, HttpClient admin, ServerSettings settings, EmulatorHost wechat, string serverFolder, int connections, int massPerMinute, int workers)
{
    public const string TemplateId = "bench-new-issue";

    public static IReadOnlyDictionary<string, string> Settings(int massPerMinute) => new Dictionary<string, string>
    {
        ["WeChat:AccountType"] = "service",
        ["WeChat:DigestTemplateId"] = TemplateId,
        ["Broadcasts:MassPerMinute"] = massPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public async Task RunAsync(TextWriter output, CancellationToken cancel)
    {
        output.WriteLine($"Subscription broadcast benchmark (store: {settings.StoreDescription}; {SyncRun.Followers:N0} emulated followers, {workers} workers)");
        Console.Error.WriteLine("… syncing 1,000,000 followers into the store");
        var sync = await SyncRun.RunAsync(server, admin, cancel);
        output.WriteLine($"setup: follower sync {sync.Seconds:F1} s, listed {sync.Final.GetProperty("listed").GetInt64():N0}");
        await PublishAsync(185, cancel);
        await PublishAsync(186, cancel);
        await PublishAsync(187, cancel);
        // Admin for INFO, which gives the store's CPU.
        var storeOptions = ConfigurationOptions.Parse(settings.StoreConnection);
        storeOptions.AllowAdmin = true;
        await using var store = await ConnectionMultiplexer.ConnectAsync(storeOptions);

        if (massPerMinute == 0)
        {
            await TemplateAsync(output, store, cancel);
        }

        // Twice, as different issues: the first mass-openids broadcast since the server started also pays for
        // compiling its code; every later one runs on compiled code.
        await MassAsync(output, store, 186, "first since start", cancel);
        await MassAsync(output, store, 187, "second", cancel);
    }

    private async Task TemplateAsync(TextWriter output, ConnectionMultiplexer store, CancellationToken cancel)
    {
        Console.Error.WriteLine($"… baseline: a plain client, {connections} at once, on the emulator's template/send");
        var rawHeap = EmulatorHeap.Settle();
        var (rawSent, rawSeconds) = await RawTemplateSendsAsync(TimeSpan.FromSeconds(15), cancel);
        var rawRate = rawSent / rawSeconds;
        var rawCpu = rawHeap.Cpu;

        await Task.Delay(TimeSpan.FromSeconds(3), cancel);
        var idle = server.WorkingSet();
        var peak = idle;
        Console.Error.WriteLine("… template broadcast to every follower");
        var heap = EmulatorHeap.Settle();
        var serverCpu = server.CpuTime();
        var storeCpu = await StoreCpuAsync(store);
        var id = await StartAsync(new { issue = 185, channel = "template" }, cancel);
        var view = await WaitAsync(id, () => peak = Math.Max(peak, server.WorkingSet()), cancel);
        var seconds = view.GetProperty("durationSeconds").GetDouble();
        var sent = view.GetProperty("sent").GetInt64();
        var rate = sent / seconds;
        var perSend = (server.CpuTime() - serverCpu).TotalMicroseconds / sent;
        storeCpu = await StoreCpuAsync(store) - storeCpu;

        var (perform, jobs) = await JobPerformanceAsync(store, id);
        var workerSeconds = workers * seconds;
        const double MiB = 1024 * 1024;
        output.WriteLine($"raw template/send          {rawRate,8:F0} sends/s   ({rawSent:N0} in {rawSeconds:F1} s, {connections} in flight)");
        output.WriteLine($"template broadcast         {rate,8:F0} sends/s   ({sent:N0} sent, {view.GetProperty("skipped").GetInt64()} skipped, {view.GetProperty("failed").GetInt64()} failed in {seconds:F1} s; {heap.Describe()})   ratio {rate / rawRate:F2}   (target >= 0.7)");
        output.WriteLine($"CPU a send                 raw: this process (client and emulator) {rawCpu.TotalMicroseconds / rawSent:F1} µs   broadcast: server {perSend:F1} µs, store {(storeCpu is { } busy ? $"{busy.TotalMicroseconds / sent:F1} µs" : "unknown")}, this process (emulator) {heap.Cpu.TotalMicroseconds / sent:F1} µs");
        output.WriteLine($"server working set         idle {idle / MiB,7:F1} MiB   peak {peak / MiB,7:F1} MiB   growth {(peak - idle) / MiB,6:F1} MiB   (target growth < 64 MB)");
        output.WriteLine(perform is { } p
            ? $"Hangfire's share           {1 - p / workerSeconds,8:P1}   ({jobs} jobs performed for {p:F1} s of {workerSeconds:F1} worker-seconds; the rest is Hangfire fetching, state changes and idle workers)   (target <= 10 %)"
            : "Hangfire's share           unavailable (no job state found in the store)");
    }

    private async Task MassAsync(TextWriter output, ConnectionMultiplexer store, int issue, string which, CancellationToken cancel)
    {
        Console.Error.WriteLine("… baseline: paging the audience sorted set");
        var audience = (RedisKey)(settings.KeyPrefix + "{subscribers}:audience");
        EmulatorHeap.Settle();
        var clock = Stopwatch.StartNew();
        long paged = 0;
        double cursor = 0;
        while (true)
        {
            var page = await store.GetDatabase().SortedSetRangeByScoreWithScoresAsync(audience, cursor, double.PositiveInfinity, Exclude.Start, Order.Ascending, 0, 1000);
            paged += page.Length;
            if (page.Length < 1000)
            {
                break;
            }

            cursor = page[^1].Score;
        }

        var pageSeconds = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"… mass-openids broadcast to every follower, {which} ({(massPerMinute == 0 ? "no rate limit" : $"{massPerMinute}/min")})");
        var heap = EmulatorHeap.Settle();
        clock.Restart();
        var id = await StartAsync(new { issue, channel = "mass-openids" }, cancel);
        var view = await WaitAsync(id, () => { }, cancel);
        var seconds = clock.Elapsed.TotalSeconds;
        var chunks = view.GetProperty("chunks").GetInt32();
        output.WriteLine($"raw audience paging        {pageSeconds,8:F2} s   ({paged:N0} members, pages of 1,000)");
        output.WriteLine(massPerMinute == 0
            ? $"mass-openids, {which,-17} {seconds,8:F2} s   ({chunks} calls, {view.GetProperty("sent").GetInt64():N0} sent; {heap.Describe()})   ratio {seconds / pageSeconds:F2}   (target <= 3)"
            : $"mass-openids, {which,-17} {seconds,8:F2} s   ({chunks} calls, {view.GetProperty("sent").GetInt64():N0} sent)   ratio {seconds / pageSeconds:F2} (the target is for no limit)");
        if (massPerMinute > 0)
        {
            var floor = (chunks - 1) * 60.0 / massPerMinute;
            output.WriteLine($"mass-openids at the limit  {chunks} calls at {massPerMinute}/min: floor {floor:F1} s   ratio to floor {seconds / floor:F3}   (target <= 1.05)");
        }
    }

    private async Task<(long Sent, double Seconds)> RawTemplateSendsAsync(TimeSpan length, CancellationToken cancel)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = wechat.BaseAddress };
        using var tokenResponse = await http.PostAsJsonAsync("cgi-bin/stable_token",
            new { grant_type = "client_credential", appid = ServerSettings.AppId, secret = ServerSettings.AppSecret }, cancel);
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("access_token").GetString();
        long next = 0, sent = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            while (clock.Elapsed < length)
            {
                var index = (int)(Interlocked.Increment(ref next) % SyncRun.Followers);
                var openId = wechat.State.Followers.OpenId(index);
                var body = "{\"touser\":\"" + openId + "\",\"template_id\":\"" + TemplateId + "\",\"url\":\"https://example.com/issues/185\",\"client_msg_id\":\"raw-" + index
                    + "\",\"data\":{\"thing1\":{\"value\":\"数据要素市场化配置改革\"},\"time2\":{\"value\":\"2024年6月17日\"},\"character_string3\":{\"value\":\"No.185\"}}}";
                using var response = await http.PostAsync($"cgi-bin/message/template/send?access_token={token}", new StringContent(body, Encoding.UTF8, "application/json"), cancel);
                var reply = await response.Content.ReadFromJsonAsync<JsonElement>(cancel);
                if (response.StatusCode != HttpStatusCode.OK || reply.GetProperty("errcode").GetInt32() != 0)
                {
                    throw new BenchmarkException($"raw template send failed: {reply}");
                }

                Interlocked.Increment(ref sent);
            }
        }));
        return (sent, clock.Elapsed.TotalSeconds);
    }

    private async Task PublishAsync(int number, CancellationToken cancel)
    {
        var text = (await File.ReadAllTextAsync(Path.Combine(serverFolder, "config", "samples", "issue-185.txt"), cancel))
            .Replace("总第185期", $"总第{number}期", StringComparison.Ordinal);
        using var response = await admin.PostAsync("/admin/api/issues?publish=true", new StringContent(text, Encoding.UTF8, "text/plain"), cancel);
        var body = await response.Content.ReadAsStringAsync(cancel);
        if (response.StatusCode != HttpStatusCode.Created && !body.Contains("already published", StringComparison.Ordinal))
        {
            throw new BenchmarkException($"publishing issue {number}: {(int)response.StatusCode} {body}");
        }
    }

    private async Task<string> StartAsync(object request, CancellationToken cancel)
    {
        using var response = await admin.PostAsJsonAsync("/admin/api/broadcasts", request, cancel);
        var body = await response.Content.ReadAsStringAsync(cancel);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new BenchmarkException($"starting a broadcast: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> WaitAsync(string id, Action sample, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var lastPoll = TimeSpan.Zero;
        while (true)
        {
            await Task.Delay(100, cancel);
            sample();
            // Often enough that the end is seen within a fraction of the mass ratio's baseline (about 2 s).
            if (clock.Elapsed - lastPoll < TimeSpan.FromMilliseconds(200))
            {
                continue;
            }

            lastPoll = clock.Elapsed;
            var view = await admin.GetFromJsonAsync<JsonElement>($"/admin/api/broadcasts/{id}", cancel);
            switch (view.GetProperty("state").GetString())
            {
                case "completed":
                    return view;
                case "paused" or "failed" or "cancelled":
                    throw new BenchmarkException($"broadcast {id} stopped: {view}");
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(60))
            {
                throw new BenchmarkException($"broadcast {id} did not finish within an hour: {view}");
            }
        }
    }

    /// <summary>The store's CPU so far, from INFO cpu; null where it does not say.</summary>
    private static async Task<TimeSpan?> StoreCpuAsync(ConnectionMultiplexer store)
    {
        var info = (await store.GetServers()[0].InfoAsync("cpu")).SelectMany(group => group).ToDictionary(e => e.Key, e => e.Value);
        return info.TryGetValue("used_cpu_sys", out var sys) && info.TryGetValue("used_cpu_user", out var user)
            && double.TryParse(sys, System.Globalization.CultureInfo.InvariantCulture, out var s)
            && double.TryParse(user, System.Globalization.CultureInfo.InvariantCulture, out var u)
            ? TimeSpan.FromSeconds(s + u)
            : null;
    }

    /// <summary>Seconds Hangfire's workers spent inside the broadcast's jobs (PerformanceDuration of each succeeded job).</summary>
    private async Task<(double? Seconds, int Jobs)> JobPerformanceAsync(ConnectionMultiplexer store, string id)
    {
        var db = store.GetDatabase();
        var chunks = await db.HashGetAllAsync(settings.KeyPrefix + $"{{bc:{id}}}:chunks");
        var jobIds = chunks.Where(e => e.Name.ToString().EndsWith(":job", StringComparison.Ordinal)).Select(e => e.Value.ToString()).ToList();
        if (await db.HashGetAsync(settings.KeyPrefix + $"{{bc:{id}}}:meta", "planJob") is { IsNullOrEmpty: false } planJob)
        {
            jobIds.Add(planJob!);
        }

        double total = 0;
        var found = 0;
        foreach (var jobId in jobIds)
        {
            var duration = await db.HashGetAsync(settings.KeyPrefix + $"{{hangfire}}:job:{jobId}:state", "PerformanceDuration");
            if (duration.TryParse(out long ms))
            {
                total += ms / 1000.0;
                found++;
            }
        }

        return (found == 0 ? null : total, found);
    }
}
