using System.Threading.Channels;

namespace Subscription.WeChatEmulator.Callbacks;

/// <summary>A job-finish event waiting for its push time.</summary>
public sealed record ScheduledCallback(string Xml, string OpenId, DateTimeOffset DueAt);

/// <summary>Job-finish events (§4.6, §4.7) queued by the send APIs and pushed by <see cref="JobEventPump"/>.</summary>
public sealed class JobEventQueue
{
    private readonly Channel<ScheduledCallback> _channel = Channel.CreateUnbounded<ScheduledCallback>(
        new UnboundedChannelOptions { SingleReader = true });

    private int _pending;

    /// <summary>Events queued and not yet pushed.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public void Enqueue(ScheduledCallback callback)
    {
        Interlocked.Increment(ref _pending);
        _channel.Writer.TryWrite(callback);
    }

    internal ChannelReader<ScheduledCallback> Reader => _channel.Reader;

    internal void Done() => Interlocked.Decrement(ref _pending);
}
