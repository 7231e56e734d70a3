using System.Text.Json;
using System.Text.Json.Serialization;
using Subscription.Server.Subscribers;

namespace Subscription.Server.Admin;

public sealed record SubscriberView(
    string OpenId,
    string Status,
    DateTimeOffset? FirstSubscribedAt,
    DateTimeOffset? LastSubscribedAt,
    DateTimeOffset? UnsubscribedAt,
    string? Scene,
    bool PushEnabled,
    IReadOnlyList<string> Sections,
    DateTimeOffset? LastInteractionAt)
{
    public static SubscriberView From(Subscriber s) => new(
        s.OpenId,
        s.Status == SubscriberStatus.Active ? "active" : "inactive",
        s.FirstSubscribedAt,
        s.LastSubscribedAt,
        s.UnsubscribedAt,
        s.Scene,
        s.PushEnabled,
        s.Sections,
        s.LastInteractionAt);
}

public sealed record StatsView(long Active, long FollowsToday, long UnfollowsToday, IReadOnlyDictionary<string, long> ByScene);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SubscriberView))]
[JsonSerializable(typeof(StatsView))]
[JsonSerializable(typeof(Followers.FollowerSyncView))]
[JsonSerializable(typeof(Followers.FollowerSyncStarted))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
