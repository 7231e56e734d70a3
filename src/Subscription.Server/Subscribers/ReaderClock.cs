using Microsoft.Extensions.Options;

namespace Subscription.Server.Subscribers;

/// <summary>The readers' time zone: which day an event counts on, and the offset times are shown with.</summary>
public sealed class ReaderClock(IOptions<SubscriberOptions> options, TimeProvider time)
{
    private readonly TimeZoneInfo _zone = Resolve(options.Value.TimeZone);

    public TimeZoneInfo Zone => _zone;

    public DateTimeOffset Now => ToLocal(time.GetUtcNow());

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    public DateTimeOffset? FromUnixSeconds(long seconds) =>
        seconds <= 0 ? null : ToLocal(DateTimeOffset.FromUnixTimeSeconds(seconds));

    public string Day(DateTimeOffset instant) =>
        ToLocal(instant).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public string Month(DateTimeOffset instant) =>
        ToLocal(instant).ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture);

    private static TimeZoneInfo Resolve(string id)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        // Asia/Shanghai has had no DST since 1991, so a fixed +08:00 is exact where tzdata is missing.
        return id == "Asia/Shanghai"
            ? TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id)
            : throw new InvalidOperationException($"Subscribers:TimeZone '{id}' is not a time zone known to this machine.");
    }
}
