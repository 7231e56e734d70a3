using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Messaging;

/// <summary>client_msg_id of template sends: the same openid + id is sent only once within 10 minutes (§10).</summary>
public sealed class TemplateDedupe(EmulatorClock clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<(int Follower, string ClientMsgId), (long MsgId, DateTimeOffset At)> _sent = [];
    private readonly Queue<((int Follower, string ClientMsgId) Key, DateTimeOffset At)> _order = new();

    /// <summary>
    /// Claims the key for <paramref name="msgId"/>, atomically: returns the first send's msgid when the key was
    /// used within the window (nothing is claimed then), else null.
    /// </summary>
    public long? Claim(int follower, string clientMsgId, long msgId)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (_sent.TryGetValue((follower, clientMsgId), out var first) && now - first.At < Window)
            {
                return first.MsgId;
            }

            // Claims arrive in time order, so the expired ones are at the front of the queue.
            while (_order.TryPeek(out var oldest) && now - oldest.At >= Window)
            {
                _order.Dequeue();
                if (_sent.TryGetValue(oldest.Key, out var held) && held.At == oldest.At)
                {
                    _sent.Remove(oldest.Key);
                }
            }

            _sent[(follower, clientMsgId)] = (msgId, now);
            _order.Enqueue(((follower, clientMsgId), now));
            return null;
        }
    }
}
