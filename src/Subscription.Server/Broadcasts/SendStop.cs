namespace Subscription.Server.Broadcasts;

/// <summary>Why a chunk job stops sending before its chunk is done.</summary>
public enum StopKind
{
    None,
    Fatal,
    QuotaExhausted,

    /// <summary>Staff paused or cancelled the broadcast while a batch was being sent: nothing more to do here.</summary>
    NotRunning,
}

/// <summary>
/// Shared by the sends of one chunk job: the first fatal error, exhausted quota or change of the broadcast's state
/// stops new attempts and ends back-off waits (sends already in flight finish and are recorded). Also tells an
/// isolated 45009 from a quota that is gone: 45009 on every call for <c>exhaustedAfter</c>.
/// </summary>
public sealed class SendStop(TimeProvider time, TimeSpan exhaustedAfter)
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopped = new();
    private DateTimeOffset? _quotaFailingSince;

    public StopKind Kind { get; private set; }

    public string Reason { get; private set; } = "";

    public bool Stopped => Kind != StopKind.None;

    public void Stop(StopKind kind, string reason)
    {
        lock (_lock)
        {
            if (Kind != StopKind.None)
            {
                return;
            }

            (Kind, Reason) = (kind, reason);
        }

        _stopped.Cancel();
    }

    /// <summary>Waits <paramref name="delay"/>; false, at once, if sending stops meanwhile.</summary>
    public async Task<bool> WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero || Stopped)
        {
            return !Stopped;
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopped.Token);
        try
        {
            await Task.Delay(delay, time, either.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Succeeded()
    {
        lock (_lock)
        {
            _quotaFailingSince = null;
        }
    }

    /// <summary>Counts a 45009; true when the quota has now failed every call for long enough.</summary>
    public bool QuotaFailed()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            _quotaFailingSince ??= now;
            return now - _quotaFailingSince >= exhaustedAfter;
        }
    }
}
