using Subscription.Server.Configuration;

namespace Subscription.Server.Broadcasts;

/// <summary>How a broadcast reaches followers (§1, §9, §10, §13).</summary>
public enum BroadcastChannel
{
    /// <summary>One sendall to every follower (or one tag): subscription and service accounts.</summary>
    MassAll,

    /// <summary>mass/send to the audience in chunks of ≤ 10,000 openids: service accounts.</summary>
    MassOpenIds,

    /// <summary>One template message per follower: service accounts.</summary>
    Template,

    /// <summary>One customer-service message per follower who interacted in the last 48 hours.</summary>
    Custom,
}

public static class BroadcastChannels
{
    public static string Name(this BroadcastChannel channel) => channel switch
    {
        BroadcastChannel.MassAll => "mass-all",
        BroadcastChannel.MassOpenIds => "mass-openids",
        BroadcastChannel.Template => "template",
        BroadcastChannel.Custom => "custom",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    public static bool TryParse(string? name, out BroadcastChannel channel)
    {
        foreach (var candidate in Enum.GetValues<BroadcastChannel>())
        {
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal))
            {
                channel = candidate;
                return true;
            }
        }

        channel = default;
        return false;
    }

    /// <summary>Sends one message per follower, with an outcome per follower in the ledger.</summary>
    public static bool IsPerFollower(this BroadcastChannel channel) => channel is BroadcastChannel.Template or BroadcastChannel.Custom;

    /// <summary>A mass send: WeChat's quota of mass messages applies and one issue goes to one audience once.</summary>
    public static bool IsMass(this BroadcastChannel channel) => channel is BroadcastChannel.MassAll or BroadcastChannel.MassOpenIds;

    public static bool AvailableTo(this BroadcastChannel channel, AccountType account) =>
        account == AccountType.Service || channel is BroadcastChannel.MassAll or BroadcastChannel.Custom;
}
