namespace Subscription.WeChatEmulator.Followers;

/// <summary>Users who refuse messages from the account.</summary>
public sealed partial class FollowerStore
{
    /// <summary>Blocked users still follow but refuse messages: template job events say "failed:user block" (§4.7).</summary>
    public void SetBlocked(int index, bool blocked)
    {
        lock (Sync)
        {
            _ = blocked ? _blocked.Set(index) : _blocked.Clear(index);
        }
    }

    public bool IsBlocked(int index)
    {
        lock (Sync)
        {
            return _blocked[index];
        }
    }
}
