namespace Subscription.WeChatEmulator.Hosting;

/// <summary>
/// The emulator's notion of "now": a base clock plus an offset that tests move forward to cross the
/// 48-hour window, the 10-minute template dedupe, token expiry or a quota day without waiting.
/// </summary>
public sealed class EmulatorClock(TimeProvider inner) : TimeProvider
{
    private const int BeijingOffsetSeconds = 8 * 3600;
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public long UnixNow => GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Daily quotas reset at midnight China Standard Time (UTC+8), not UTC.</summary>
    public int BeijingDay => BeijingDayOf(GetUtcNow());

    public static int BeijingDayOf(DateTimeOffset at) => (int)((at.ToUnixTimeSeconds() + BeijingOffsetSeconds) / 86_400);

    /// <summary>Year * 12 + month in China Standard Time, for per-month mass-send limits (§1).</summary>
    public int BeijingMonth
    {
        get
        {
            var local = GetUtcNow().ToOffset(TimeSpan.FromSeconds(BeijingOffsetSeconds));
            return local.Year * 12 + local.Month;
        }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
