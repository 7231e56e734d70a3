namespace Subscription.WeChatEmulator.Followers;

/// <summary>The customer-service window (§9) and the per-user monthly mass-send cap (§1).</summary>
public sealed partial class FollowerStore
{
    private const int WindowSeconds = 48 * 3600;
    private const int MessageTriggerAllowance = 5;
    private const int EventTriggerAllowance = 3;
    private const int EventTriggerSeconds = 60;
    private const int MassPerUserPerMonth = 4;

    private byte[] _massThisMonth = [];
    private int _massMonth;

    /// <summary>Records a user action that opens (or reopens) the 48-hour window and resets the per-trigger count.</summary>
    public void Interact(int index, Trigger trigger)
    {
        lock (Sync)
        {
            _lastInteraction[index] = (int)clock.UnixNow;
            _trigger[index] = (byte)trigger;
            _sentSinceTrigger[index] = 0;
        }
    }

    /// <summary>
    /// Takes one customer-service message from the user's allowance: 0, or 45015 outside the 48-hour window, or
    /// 45047 over the per-trigger count (5 after a message; 3, within 1 minute, after a click/follow/scan — §9).
    /// </summary>
    public int TryConsumeCustom(int index, bool enforceTriggerQuota)
    {
        lock (Sync)
        {
            var last = _lastInteraction[index];
            var age = clock.UnixNow - last;
            if (last == 0 || age > WindowSeconds)
            {
                return 45015;
            }

            if (enforceTriggerQuota)
            {
                var sent = _sentSinceTrigger[index];
                var overLimit = (Trigger)_trigger[index] == Trigger.Event
                    ? sent >= EventTriggerAllowance || age > EventTriggerSeconds
                    : sent >= MessageTriggerAllowance;
                if (overLimit)
                {
                    return 45047;
                }
            }

            if (_sentSinceTrigger[index] < byte.MaxValue)
            {
                _sentSinceTrigger[index]++;
            }

            return 0;
        }
    }

    /// <summary>Counts a mass message for the user this month; false when the user already had 4 (service accounts, §1).</summary>
    public bool TryCountMonthlyMass(int index, int beijingMonth)
    {
        lock (Sync)
        {
            if (beijingMonth != _massMonth)
            {
                Array.Clear(_massThisMonth);
                _massMonth = beijingMonth;
            }

            if (_massThisMonth[index] >= MassPerUserPerMonth)
            {
                return false;
            }

            _massThisMonth[index]++;
            return true;
        }
    }

    /// <summary>
    /// The members of <paramref name="candidates"/> a mass send reaches: subscribed, not blocking the account and,
    /// when <paramref name="monthlyCap"/>, under 4 mass messages this month (counted here). The rest are "filtered" (§4.6).
    /// </summary>
    public Bitset MassRecipients(Bitset candidates, bool monthlyCap, int beijingMonth)
    {
        lock (Sync)
        {
            var recipients = new Bitset(_count);
            foreach (var index in candidates.Members())
            {
                if (_subscribed[index] && !_blocked[index] && (!monthlyCap || TryCountMonthlyMass(index, beijingMonth)))
                {
                    recipients.Set(index);
                }
            }

            return recipients;
        }
    }
}
