using System.ComponentModel.DataAnnotations;

namespace Subscription.Server.Followers;

/// <summary>Settings "Followers:*".</summary>
public sealed class FollowerSyncOptions
{
    public const string Section = "Followers";

    /// <summary>How often the sync runs by itself; zero runs it only when staff ask. user/get has a daily quota (§8.1).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromDays(1);
}
