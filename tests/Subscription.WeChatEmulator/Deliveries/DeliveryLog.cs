using Subscription.WeChatEmulator.Followers;

namespace Subscription.WeChatEmulator.Deliveries;

/// <summary>
/// Every message delivered, per follower. One-to-one sends are kept per follower; a mass send is kept once with
/// its recipients as a bitset, so a send to a million followers costs 125 KB, not a million records.
/// </summary>
public sealed class DeliveryLog(FollowerStore followers)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, List<SentContent>> _single = [];
    private readonly List<(SentContent Content, Bitset Recipients)> _mass = [];
    private long _total;

    public long Total
    {
        get
        {
            lock (_lock)
            {
                return _total;
            }
        }
    }

    public void Record(int index, SentContent content)
    {
        lock (_lock)
        {
            if (!_single.TryGetValue(index, out var list))
            {
                _single[index] = list = [];
            }

            list.Add(content);
            _total++;
        }
    }

    public void RecordMass(SentContent content, Bitset recipients)
    {
        lock (_lock)
        {
            _mass.Add((content, recipients));
            _total += recipients.Count;
        }
    }

    /// <summary>What <paramref name="openId"/> received, oldest first; empty for unknown openids.</summary>
    public IReadOnlyList<Delivery> For(string openId)
    {
        if (!followers.Codec.TryParse(openId, out var index))
        {
            return [];
        }

        lock (_lock)
        {
            return [.. _single.GetValueOrDefault(index, []).Concat(_mass.Where(m => m.Recipients[index]).Select(m => m.Content))
                .OrderBy(c => c.At).ThenBy(c => c.MsgId).Select(c => c.To(openId))];
        }
    }

    public int CountFor(string openId) => For(openId).Count;

    /// <summary>Deliveries per openid, for every follower that received at least one message.</summary>
    public Dictionary<string, int> CountsPerOpenId()
    {
        lock (_lock)
        {
            var counts = _single.ToDictionary(pair => pair.Key, pair => pair.Value.Count);
            foreach (var (_, recipients) in _mass)
            {
                foreach (var index in recipients.Members())
                {
                    counts[index] = counts.GetValueOrDefault(index) + 1;
                }
            }

            return counts.ToDictionary(pair => followers.OpenId(pair.Key), pair => pair.Value, StringComparer.Ordinal);
        }
    }

    /// <summary>Openids that received the same content (same digest) more than once: exactly-once violations.</summary>
    public List<string> Duplicates()
    {
        lock (_lock)
        {
            var seen = new HashSet<(int, string)>();
            var duplicates = new SortedSet<int>();
            foreach (var (index, list) in _single)
            {
                list.Where(c => !seen.Add((index, c.Digest))).ToList().ForEach(_ => duplicates.Add(index));
            }

            foreach (var (content, recipients) in _mass)
            {
                foreach (var index in recipients.Members().Where(i => !seen.Add((i, content.Digest))))
                {
                    duplicates.Add(index);
                }
            }

            return [.. duplicates.Select(followers.OpenId)];
        }
    }
}
