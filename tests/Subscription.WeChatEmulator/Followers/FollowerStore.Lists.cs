namespace Subscription.WeChatEmulator.Followers;

/// <summary>Listing and bulk changes.</summary>
public sealed partial class FollowerStore
{
    /// <summary>Up to <paramref name="max"/> subscribed followers after index <paramref name="after"/>, in index order.</summary>
    public List<int> Page(int after, int max, Bitset? within = null)
    {
        lock (Sync)
        {
            var page = new List<int>(Math.Min(max, 10_000));
            var set = within ?? _subscribed;
            for (var i = set.NextSet(after + 1); i >= 0 && page.Count < max; i = set.NextSet(i + 1))
            {
                if (within is null || _subscribed[i])
                {
                    page.Add(i);
                }
            }

            return page;
        }
    }

    /// <summary>A copy of the subscribed set, for a mass send's audience.</summary>
    public Bitset SubscribedSnapshot()
    {
        lock (Sync)
        {
            return _subscribed.Clone();
        }
    }

    /// <summary>The subscribed members of <paramref name="set"/> (e.g. a tag), as a new set.</summary>
    public Bitset SubscribedWithin(Bitset set)
    {
        lock (Sync)
        {
            return _subscribed.Intersect(set);
        }
    }

    /// <summary>
    /// Churn: <paramref name="unfollow"/> random subscribed followers leave, <paramref name="refollow"/> random
    /// former followers come back and <paramref name="newFollowers"/> new ones arrive. Returns the changed indices.
    /// </summary>
    public DriftResult Drift(int unfollow, int refollow, int newFollowers, Random random)
    {
        lock (Sync)
        {
            var left = PickRandom(unfollow, random, subscribed: true);
            var back = PickRandom(refollow, random, subscribed: false);
            left.ForEach(i => Unfollow(i));
            back.ForEach(i => Follow(i));
            var first = Seed(newFollowers);
            foreach (var i in Enumerable.Range(first, newFollowers))
            {
                Interact(i, Trigger.Event);
            }

            return new DriftResult(left, back, Enumerable.Range(first, newFollowers).ToList());
        }
    }

    private List<int> PickRandom(int wanted, Random random, bool subscribed)
    {
        var available = subscribed ? _subscribed.Count : _count - _subscribed.Count;
        wanted = Math.Min(wanted, available);
        var picked = new HashSet<int>();
        while (picked.Count < wanted)
        {
            var i = random.Next(_count);
            if (_subscribed[i] == subscribed)
            {
                picked.Add(i);
            }
        }

        return [.. picked.Order()];
    }
}

public sealed record DriftResult(List<int> Unfollowed, List<int> Refollowed, List<int> Added);
