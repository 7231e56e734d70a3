using Subscription.WeChatEmulator.Followers;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Callbacks;

/// <summary>
/// Plays followers: each action changes the emulator's state as WeChat would (a follow opens the 48-hour
/// window, an unfollow closes it) and pushes the matching signed callback (§4) to the server.
/// </summary>
public sealed class FollowerSimulator(EmulatorState state, CallbackSender sender)
{
    /// <summary>A brand-new follower: a new openid that follows now.</summary>
    public async Task<(string OpenId, CallbackResult Result)> FollowNewAsync(string? qrScene = null, CancellationToken cancellationToken = default)
    {
        var index = state.Followers.Seed(1, subscribed: false);
        var openId = state.Followers.OpenId(index);
        return (openId, await FollowAsync(openId, qrScene, cancellationToken));
    }

    /// <summary>Follow or re-follow (§4.3), optionally through a parametric QR code.</summary>
    public Task<CallbackResult> FollowAsync(string openId, string? qrScene = null, CancellationToken cancellationToken = default)
    {
        var index = Resolve(openId);
        state.Followers.Follow(index);
        return sender.SendAsync(CallbackXml.Subscribe(state.Options.OriginalId, openId, state.Clock.UnixNow, qrScene), openId, cancellationToken);
    }

    public Task<CallbackResult> UnfollowAsync(string openId, CancellationToken cancellationToken = default)
    {
        state.Followers.Unfollow(Resolve(openId));
        return sender.SendAsync(CallbackXml.Unsubscribe(state.Options.OriginalId, openId, state.Clock.UnixNow), openId, cancellationToken);
    }

    /// <summary>A CLICK menu event (§4.4); opens the window with the event allowance (§9).</summary>
    public Task<CallbackResult> ClickAsync(string openId, string key, CancellationToken cancellationToken = default)
    {
        state.Followers.Interact(ResolveFollower(openId), Trigger.Event);
        return sender.SendAsync(CallbackXml.Click(state.Options.OriginalId, openId, state.Clock.UnixNow, key), openId, cancellationToken);
    }

    /// <summary>A text message (§4.2); opens the window with the message allowance (§9).</summary>
    public Task<CallbackResult> SendTextAsync(string openId, string content, CancellationToken cancellationToken = default)
    {
        state.Followers.Interact(ResolveFollower(openId), Trigger.Message);
        var xml = CallbackXml.Text(state.Options.OriginalId, openId, state.Clock.UnixNow, content, state.Ids.Next());
        return sender.SendAsync(xml, openId, cancellationToken);
    }

    /// <summary>Pushes arbitrary XML, signed (and encrypted) like every other push.</summary>
    public Task<CallbackResult> SendRawAsync(string xml, string openId, CancellationToken cancellationToken = default) =>
        sender.SendAsync(xml, openId, cancellationToken);

    private int Resolve(string openId) =>
        state.Followers.Codec.TryParse(openId, out var index)
            ? index
            : throw new ArgumentException($"'{openId}' is not an openid of this account.", nameof(openId));

    private int ResolveFollower(string openId)
    {
        var index = Resolve(openId);
        return state.Followers.IsSubscribed(index)
            ? index
            : throw new InvalidOperationException($"{openId} does not follow the account; WeChat delivers nothing from it.");
    }
}
