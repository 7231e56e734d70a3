namespace Subscription.Server.Subscribers;

public enum SubscriberOperation { None, Follow, Unfollow, Touch }

/// <summary>What one callback does to a follower, applied atomically by the store.</summary>
/// <param name="Scene">Follow: the QR scene it came through.</param>
/// <param name="ScanScene">Touch: a QR scene scanned by someone already following.</param>
/// <param name="PushEnabled">Touch: a new digest-push preference, or null for none.</param>
/// <param name="Sections">Touch: the sections wanted (empty = all), or null to leave them.</param>
public sealed record SubscriberChange(
    SubscriberOperation Operation,
    string OpenId,
    long CreateTime,
    string? Scene = null,
    string? ScanScene = null,
    bool? PushEnabled = null,
    IReadOnlyList<string>? Sections = null)
{
    public static SubscriberChange Nothing(string openId, long createTime) => new(SubscriberOperation.None, openId, createTime);
}
