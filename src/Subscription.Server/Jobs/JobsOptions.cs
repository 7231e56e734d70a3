using System.ComponentModel.DataAnnotations;

namespace Subscription.Server.Jobs;

/// <summary>Settings "Jobs:*": background jobs run by Hangfire on the same store.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Hangfire workers in this instance; 0 makes an instance that only serves callbacks and pages.</summary>
    [Range(0, 64)]
    public int Workers { get; set; } = 2;

    /// <summary>How often an instance with workers looks for scheduled jobs that are due (Hangfire's default).</summary>
    public static readonly TimeSpan SchedulePolling = TimeSpan.FromSeconds(15);

    /// <summary>The workers configured, read while services are registered (before options can be resolved).</summary>
    public static int ConfiguredWorkers(IConfiguration configuration) =>
        configuration.GetValue($"{Section}:{nameof(Workers)}", new JobsOptions().Workers);
}
