namespace Subscription.WeChatEmulator.Followers;

/// <summary>A snapshot of one follower's state.</summary>
public sealed record FollowerInfo(string OpenId, bool Subscribed, int SubscribeTime, int LastInteraction,
    Trigger Trigger, int SentSinceTrigger, bool Blocked);

/// <summary>What opened the custom-message window (§9): a user message, or an event (click, follow, QR scan).</summary>
public enum Trigger : byte
{
    None,
    Message,
    Event,
}
