namespace Subscription.Server.Followers;

/// <summary>Settings "Followers:*".</summary>
public sealed class FollowerSyncOptions
{
    public const string Section = "Followers";

    /// <summary>
    /// When the sync runs by itself (cron, readers' time zone); empty runs it only when staff ask.
    /// user/get has a daily quota (§8.1), so a large account syncs rarely.
    /// </summary>
    public string SyncCron { get; set; } = "0 3 * * *";
}
