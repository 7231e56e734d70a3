using System.ComponentModel.DataAnnotations;

namespace Subscription.Server.Subscribers;

/// <summary>Settings "Subscribers:*".</summary>
public sealed class SubscriberOptions
{
    public const string Section = "Subscribers";

    /// <summary>Time zone of the newsletter's readers: days for the daily counters and offsets of times shown.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>How long the per-day counters are kept.</summary>
    [Range(1, 3650)]
    public int DailyCounterDays { get; set; } = 400;
}
