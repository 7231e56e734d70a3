using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Mass;

/// <summary>Mass-send jobs and their clientmsgid records (§13.5).</summary>
public sealed class MassStore(EmulatorClock clock)
{
    private static readonly TimeSpan RetryTooFast = TimeSpan.FromSeconds(60);

    private readonly Lock _lock = new();
    private readonly Dictionary<long, MassJob> _jobs = [];
    private readonly Dictionary<string, (long MsgId, DateTimeOffset LastAttempt)> _clientMsgIds = new(StringComparer.Ordinal);

    /// <summary>
    /// Claims <paramref name="clientMsgId"/> for <paramref name="msgId"/>. If it is taken, returns 45066 when the
    /// previous attempt was under a minute ago, else 45065, with the job id that holds it.
    /// </summary>
    public (int Errcode, long MsgId) Claim(string clientMsgId, long msgId)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (_clientMsgIds.TryGetValue(clientMsgId, out var existing))
            {
                _clientMsgIds[clientMsgId] = (existing.MsgId, now);
                return (now - existing.LastAttempt < RetryTooFast ? 45066 : 45065, existing.MsgId);
            }

            _clientMsgIds[clientMsgId] = (msgId, now);
            return (0, msgId);
        }
    }

    /// <summary>Gives a claimed clientmsgid back when the send failed after claiming it.</summary>
    public void Release(string clientMsgId, long msgId)
    {
        lock (_lock)
        {
            if (_clientMsgIds.TryGetValue(clientMsgId, out var held) && held.MsgId == msgId)
            {
                _clientMsgIds.Remove(clientMsgId);
            }
        }
    }

    public void Add(MassJob job)
    {
        lock (_lock)
        {
            _jobs[job.MsgId] = job;
        }
    }

    public MassJob? Get(long msgId)
    {
        lock (_lock)
        {
            return _jobs.GetValueOrDefault(msgId);
        }
    }

    public List<MassJob> All()
    {
        lock (_lock)
        {
            return [.. _jobs.Values.OrderBy(j => j.MsgId)];
        }
    }

    /// <summary>Marks a job deleted; false when it doesn't exist.</summary>
    public bool MarkDeleted(long msgId)
    {
        lock (_lock)
        {
            if (!_jobs.TryGetValue(msgId, out var job))
            {
                return false;
            }

            job.Status = "DELETE";
            return true;
        }
    }
}
