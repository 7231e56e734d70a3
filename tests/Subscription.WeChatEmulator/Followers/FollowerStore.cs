using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Followers;

/// <summary>
/// Every follower the account ever had, as parallel arrays indexed by follower number (no object per
/// follower). Thread-safe through <see cref="Sync"/>, which the tag store shares.
/// </summary>
public sealed partial class FollowerStore(OpenIdCodec codec, EmulatorClock clock)
{
    private readonly Bitset _subscribed = new();
    private readonly Bitset _blocked = new();
    private int[] _subscribeTime = [];
    private int[] _lastInteraction = [];
    private byte[] _trigger = [];
    private byte[] _sentSinceTrigger = [];
    private int _count;

    internal Lock Sync { get; } = new();

    public OpenIdCodec Codec => codec;

    /// <summary>Followers ever seen (subscribed or not); valid indices are 0 .. Count-1.</summary>
    public int Count
    {
        get
        {
            lock (Sync)
            {
                return _count;
            }
        }
    }

    public int SubscribedCount
    {
        get
        {
            lock (Sync)
            {
                return _subscribed.Count;
            }
        }
    }

    /// <summary>Adds <paramref name="count"/> new followers and returns the index of the first.</summary>
    public int Seed(int count, bool subscribed = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (Sync)
        {
            var first = _count;
            Grow(first + count);
            var now = (int)clock.UnixNow;
            for (var i = first; i < first + count; i++)
            {
                // Spread follow times over the past year, oldest first, like a real list.
                _subscribeTime[i] = now - (first + count - i) % 31_536_000;
                if (subscribed)
                {
                    _subscribed.Set(i);
                }
            }

            _count = first + count;
            return first;
        }
    }

    public string OpenId(int index) => codec.Format(index);

    /// <summary>The index of a follower of this account (subscribed or not); false for unknown openids.</summary>
    public bool TryResolve(string? openId, out int index)
    {
        if (!codec.TryParse(openId, out index))
        {
            return false;
        }

        lock (Sync)
        {
            return index < _count;
        }
    }

    public bool IsSubscribed(int index)
    {
        lock (Sync)
        {
            return _subscribed[index];
        }
    }

    /// <summary>Follows (or re-follows, with a new subscribe_time); the follow opens the custom-message window (§9).</summary>
    public bool Follow(int index)
    {
        lock (Sync)
        {
            Grow(index + 1);
            _count = Math.Max(_count, index + 1);
            var changed = _subscribed.Set(index);
            if (changed)
            {
                _subscribeTime[index] = (int)clock.UnixNow;
            }

            Interact(index, Trigger.Event);
            return changed;
        }
    }

    public bool Unfollow(int index)
    {
        lock (Sync)
        {
            _lastInteraction[index] = 0;
            return _subscribed.Clear(index);
        }
    }

    public FollowerInfo Info(int index)
    {
        lock (Sync)
        {
            return new FollowerInfo(codec.Format(index), _subscribed[index], _subscribeTime[index],
                _lastInteraction[index], (Trigger)_trigger[index], _sentSinceTrigger[index], _blocked[index]);
        }
    }

    private void Grow(int needed)
    {
        if (needed <= _subscribeTime.Length)
        {
            return;
        }

        var size = Math.Max(needed, Math.Min(_subscribeTime.Length * 2, needed + 1_000_000));
        Array.Resize(ref _subscribeTime, size);
        Array.Resize(ref _lastInteraction, size);
        Array.Resize(ref _trigger, size);
        Array.Resize(ref _sentSinceTrigger, size);
        Array.Resize(ref _massThisMonth, size);
    }
}
