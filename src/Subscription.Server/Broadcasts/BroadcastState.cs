namespace Subscription.Server.Broadcasts;

/// <summary>scheduled → running ⇄ paused → completed | cancelled | failed.</summary>
public enum BroadcastState
{
    Scheduled,
    Running,
    Paused,
    Completed,
    Cancelled,
    Failed,
}

public static class BroadcastStates
{
    public static string Name(this BroadcastState state) => state.ToString().ToLowerInvariant();

    public static BroadcastState Parse(string? name) =>
        Enum.TryParse<BroadcastState>(name, ignoreCase: true, out var state) ? state : BroadcastState.Failed;

    public static bool IsFinal(this BroadcastState state) => state is BroadcastState.Completed or BroadcastState.Cancelled or BroadcastState.Failed;
}
