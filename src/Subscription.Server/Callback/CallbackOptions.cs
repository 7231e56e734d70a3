using System.ComponentModel.DataAnnotations;

namespace Subscription.Server.Callback;

/// <summary>Settings "Callback:*" for the /wechat endpoint.</summary>
public sealed class CallbackOptions
{
    public const string Section = "Callback";

    /// <summary>A callback whose timestamp is further than this from now is refused (replay protection).</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>How long a delivery's reply is kept for WeChat's retries (they come within about 15 s).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan DedupeTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Time box for all storage work of one callback; WeChat gives up after 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:04")]
    public TimeSpan StorageTimeout { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1024, 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
