namespace Subscription.Benchmarks;

/// <summary>The environment of one benchmark server: benchmark-only secrets, a private port and store.</summary>
public sealed record ServerSettings(int HttpPort, string DataPath, string? RedisConfiguration, string KeyPrefix, int EmbeddedPort)
{
    /// <summary>More settings for the server process (configuration keys with ':').</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the benchmark itself reaches the server's store.</summary>
    public string StoreConnection => RedisConfiguration ?? $"127.0.0.1:{EmbeddedPort}";

    /// <summary>Where the server finds WeChat's API (the emulator), if not the default.</summary>
    public string? ApiBaseUrl { get; init; }

    /// <summary>Hangfire workers in the server; none unless a benchmark runs jobs.</summary>
    public int JobWorkers { get; init; }

    public const string AppId = "wxbenchmark0000000";
    public const string AppSecret = "benchmark-app-secret";

    public const string RedisVariable = "SUBSCRIPTION_BENCH_REDIS";

    // Benchmark-only values; they guard nothing.
    public const string Token = "benchtoken2024";
    public const string AdminApiKey = "benchmark-admin-api-key";
    private const string EncodingAesKey = "BenchmarkEncodingAesKeyNotASecret0000000000";

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    public string StoreDescription => RedisConfiguration is null
        ? "embedded Garnet"
        : $"redis at {RedisConfiguration}, key prefix {KeyPrefix}";

    /// <summary>Fresh ports and a fresh temp folder; the Redis named by SUBSCRIPTION_BENCH_REDIS if set.</summary>
    public static ServerSettings Create()
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable);
        var data = Directory.CreateTempSubdirectory("subscription-bench-").FullName;
        return new ServerSettings(
            FreePort.Next(),
            data,
            string.IsNullOrWhiteSpace(redis) ? null : redis.Trim(),
            $"bench:{Guid.NewGuid():N}:",
            FreePort.Next());
    }

    public IReadOnlyDictionary<string, string> ProcessEnvironment()
    {
        var environment = BaseEnvironment();
        foreach (var (key, value) in Extra)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return environment;
    }

    private Dictionary<string, string> BaseEnvironment() => new()
    {
        ["WeChat__ApiBaseUrl"] = ApiBaseUrl ?? "https://api.weixin.qq.com",
        ["Jobs__Workers"] = JobWorkers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Followers__SyncCron"] = "",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/'),
        ["WeChat__AppId"] = AppId,
        ["WeChat__AppSecret"] = AppSecret,
        ["WeChat__Token"] = Token,
        ["WeChat__EncodingAesKey"] = EncodingAesKey,
        ["Admin__ApiKey"] = AdminApiKey,
        ["Redis__Configuration"] = RedisConfiguration ?? "",
        ["Redis__KeyPrefix"] = KeyPrefix,
        ["Storage__EmbeddedPort"] = EmbeddedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Storage__DataPath"] = DataPath,
        ["Logging__LogLevel__Default"] = "Warning",
        // Lets a profiler (perf) name JIT-compiled frames; costs nothing measurable.
        ["DOTNET_PerfMapEnabled"] = "1",
    };
}
