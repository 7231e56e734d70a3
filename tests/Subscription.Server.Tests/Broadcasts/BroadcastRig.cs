using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Subscription.Server.Broadcasts;
using Subscription.Server.Subscribers;
using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChatEmulator.Faults;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.Broadcasts;

/// <summary>
/// The emulator with N followers, the same followers in the server's store, the sample issue published, and
/// servers (real HTTP pipeline, real Hangfire workers) that share one key prefix like instances on one Redis.
/// </summary>
public sealed class BroadcastRig : IAsyncDisposable
{
    public const string TemplateId = "tmpl-new-issue";
    public const int Issue = 185;

    private readonly StoreFixture _store;
    private readonly List<ServerFactory> _servers = [];

    private BroadcastRig(StoreFixture store, EmulatorHost wechat)
    {
        _store = store;
        WeChat = wechat;
        KeyPrefix = StoreFixture.NewPrefix();
    }

    public EmulatorHost WeChat { get; }

    public string KeyPrefix { get; }

    public IReadOnlyList<string> OpenIds { get; private set; } = [];

    public ServerFactory Server => _servers[0];

    public HttpClient Admin { get; private set; } = null!;

    public static async Task<BroadcastRig> CreateAsync(
        StoreFixture store, int followers, EmulatorOptions? options = null, int workers = 2, IReadOnlyDictionary<string, string?>? settings = null,
        DateTimeOffset? followedAt = null)
    {
        options ??= new EmulatorOptions();
        options.EnforceQuotas = false;
        options.Faults.Default.HangFor = TimeSpan.FromSeconds(3);
        var rig = new BroadcastRig(store, await EmulatorHost.StartAsync(options));
        rig.WeChat.State.Followers.Seed(followers);
        rig.OpenIds = [.. Enumerable.Range(0, followers).Select(rig.WeChat.State.Followers.OpenId)];
        var server = rig.AddServer(workers, settings);
        rig.Admin = server.CreateAdminClient();
        await new IssueUploads(rig.Admin).PublishSampleAsync();

        var subscribers = server.Services.GetRequiredService<SubscriberStore>();
        var at = (followedAt ?? DateTimeOffset.UtcNow.AddMinutes(-5)).ToUnixTimeSeconds();
        foreach (var batch in rig.OpenIds.Chunk(500))
        {
            await Task.WhenAll(batch.Select(openId => subscribers.FollowAsync(openId, at, null)));
        }

        return rig;
    }

    /// <summary>Another instance on the same store and prefix.</summary>
    public ServerFactory AddServer(int workers, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = Settings(workers);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var server = new ServerFactory(_store, settings);
        _servers.Add(server);
        return server;
    }

    /// <summary>The settings of an instance of this rig: the emulator as WeChat, fast retries and leases.</summary>
    public Dictionary<string, string?> Settings(int workers) => new()
    {
        ["Redis:KeyPrefix"] = KeyPrefix,
        ["WeChat:AppId"] = WeChat.State.Options.AppId,
        ["WeChat:AppSecret"] = WeChat.State.Options.AppSecret,
        ["WeChat:ApiBaseUrl"] = WeChat.BaseAddress.AbsoluteUri,
        ["WeChat:AccountType"] = "service",
        ["WeChat:DigestTemplateId"] = TemplateId,
        ["WeChat:ApiTimeout"] = "00:00:01",
        ["Jobs:Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Broadcasts:Lease"] = "00:00:03",
        ["Broadcasts:WatchdogInterval"] = "00:00:00.500",
        ["Broadcasts:RetryDelay"] = "00:00:00.050",
        ["Broadcasts:MaxRetryDelay"] = "00:00:00.400",
        ["Broadcasts:MaxAttempts"] = "15",
        ["Broadcasts:ChunkSize"] = "500",
        ["Followers:SyncCron"] = "",
    };

    /// <summary>The settings of an instance in its own process: also where the store is.</summary>
    public Dictionary<string, string?> ProcessSettings(int workers) =>
        new(Settings(workers)) { ["Redis:Configuration"] = _store.ConnectionString };

    public void InjectFaults(FaultProfile profile) => WeChat.State.Faults.Set(null, profile);

    public async Task<string> StartAsync(string channel)
    {
        using var response = await Admin.PostAsJsonAsync("/admin/api/broadcasts", new { issue = Issue, channel });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /admin/api/broadcasts: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Starts a mass-openids broadcast and plans it at once, on an instance with no workers: nothing is sent yet.</summary>
    public async Task<string> StartPlannedMassAsync()
    {
        var id = await StartAsync("mass-openids");
        await Server.Services.GetRequiredService<BroadcastPlanner>().PlanAsync(id, CancellationToken.None);
        return id;
    }

    public static Dictionary<string, string?> MassChunkSize(int size) =>
        new() { ["Broadcasts:MassChunkSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>
    /// Settings for an audience in one chunk of <paramref name="size"/>, sent in batches, with a fixed back-off; a
    /// call gets 10 s, so that on a busy machine a slow answer is not taken for no answer.
    /// </summary>
    public static Dictionary<string, string?> OneChunk(int size, int batch, TimeSpan backoff, int concurrency = 32) => new()
    {
        ["WeChat:ApiTimeout"] = "00:00:10",
        ["Broadcasts:Concurrency"] = concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Broadcasts:ChunkSize"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Broadcasts:BatchSize"] = batch.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Broadcasts:RetryDelay"] = backoff.ToString(),
        ["Broadcasts:MaxRetryDelay"] = backoff.ToString(),
    };

    public async Task<JsonElement> GetAsync(string id, HttpClient? admin = null) =>
        await (admin ?? Admin).GetFromJsonAsync<JsonElement>($"/admin/api/broadcasts/{id}");

    /// <summary>Starts a broadcast and waits until it has completed and been closed; returns its id.</summary>
    public async Task<string> CompleteAsync(string channel)
    {
        var id = await StartAsync(channel);
        await WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));
        await WaitUntilClosedAsync(id);
        return id;
    }

    /// <summary>
    /// Polls until a final broadcast has left the open set: the last step of tidying it, which comes just after
    /// the step that made it final.
    /// </summary>
    public async Task WaitUntilClosedAsync(string id)
    {
        var ledger = Server.Services.GetRequiredService<BroadcastLedger>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await ledger.OpenAsync()).Contains(id))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Broadcast {id} is still in the open set 10 s on");
            await Task.Delay(50);
        }
    }

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Polls until the broadcast completes, counting its followers claimed at once: a claim is "p:…" until its outcome
    /// replaces it. Returns the most seen and the final view.
    /// </summary>
    public async Task<(int MostClaimed, JsonElement View)> WatchClaimsUntilCompletedAsync(string id, TimeSpan timeout)
    {
        var db = await Server.ConnectStoreAsync();
        var outcomes = Server.Services.GetRequiredService<BroadcastLedger>().Keys.Ledger(id).Outcomes;
        var (mostClaimed, deadline) = (0, DateTime.UtcNow + timeout);
        JsonElement view;
        while ((view = await GetAsync(id)).GetProperty("state").GetString() != "completed")
        {
            Assert.True(DateTime.UtcNow < deadline, $"Broadcast {id} did not complete within {timeout}: {view}");
            var values = await db.HashValuesAsync(outcomes);
            mostClaimed = Math.Max(mostClaimed, values.Count(v => v.ToString().StartsWith("p:", StringComparison.Ordinal)));
            await Task.Delay(10);
        }

        return (mostClaimed, view);
    }

    /// <summary>Whether a job holds the chunk's lease: one is working it.</summary>
    public Task<bool> IsChunkLeasedAsync(string id, int chunk) => Server.Services.GetRequiredService<BroadcastLedger>().IsLeasedAsync(id, chunk);

    /// <summary>Polls until a job holds the chunk's lease.</summary>
    public Task WaitUntilChunkJobStartsAsync(string id, int chunk, TimeSpan timeout) =>
        WaitForLeaseAsync(id, chunk, leased: true, timeout, $"no job took chunk {chunk} of broadcast {id} within {timeout}");

    /// <summary>Polls until no job holds the chunk's lease: the job working it has ended.</summary>
    public Task WaitUntilChunkJobEndsAsync(string id, int chunk, TimeSpan timeout) =>
        WaitForLeaseAsync(id, chunk, leased: false, timeout, $"the job working chunk {chunk} of broadcast {id} still runs {timeout} on");

    private async Task WaitForLeaseAsync(string id, int chunk, bool leased, TimeSpan timeout, string failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await IsChunkLeasedAsync(id, chunk) != leased)
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50);
        }
    }

    /// <summary>Polls until the broadcast reaches <paramref name="state"/>; fails with its last view otherwise.</summary>
    public async Task<JsonElement> WaitForStateAsync(string id, string state, TimeSpan timeout, HttpClient? admin = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement view;
        do
        {
            view = await GetAsync(id, admin);
            if (view.GetProperty("state").GetString() == state)
            {
                return view;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        var problems = _servers.SelectMany(s => s.Logs.Lines).Where(l => l.StartsWith("Error") || l.StartsWith("Warning")).Take(20);
        Assert.Fail($"Broadcast {id} did not reach '{state}' within {timeout}: {view}\n{string.Join("\n", problems)}");
        return view;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        await WeChat.DisposeAsync();
    }
}
