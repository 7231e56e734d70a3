using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Quotas;

/// <summary>Counts calls per quota bucket per Beijing day and per minute (§14).</summary>
public sealed class QuotaTracker(EmulatorOptions options, EmulatorClock clock)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int Day, int Used)> _daily = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Minute, int Used)> _minute = new(StringComparer.Ordinal);

    /// <summary>Counts one call; 0 when allowed, else 45009 (daily) or 45011 (per minute). Refused calls count too.</summary>
    public int TryConsume(string path)
    {
        if (!QuotaTable.Rules.TryGetValue(path, out var rule))
        {
            return 0;
        }

        lock (_lock)
        {
            var day = clock.BeijingDay;
            var minute = clock.UnixNow / 60;
            var daily = _daily.GetValueOrDefault(rule.Bucket);
            daily = daily.Day == day ? (day, daily.Used + 1) : (day, 1);
            _daily[rule.Bucket] = daily;
            var perMinute = _minute.GetValueOrDefault(rule.Bucket);
            perMinute = perMinute.Minute == minute ? (minute, perMinute.Used + 1) : (minute, 1);
            _minute[rule.Bucket] = perMinute;

            if (options.EnforceQuotas && daily.Used > DailyLimit(path, rule))
            {
                return 45009;
            }

            return options.EnforceRateLimits && rule.PerMinute > 0 && perMinute.Used > rule.PerMinute ? 45011 : 0;
        }
    }

    /// <summary>What openapi/quota/get reports for a path, or null for a path without a quota.</summary>
    public QuotaUsage? Usage(string path)
    {
        if (!QuotaTable.Rules.TryGetValue(path, out var rule))
        {
            return null;
        }

        lock (_lock)
        {
            var daily = _daily.GetValueOrDefault(rule.Bucket);
            var used = daily.Day == clock.BeijingDay ? daily.Used : 0;
            var limit = DailyLimit(path, rule);
            return new QuotaUsage(limit, used, Math.Max(0, limit - used), rule.PerMinute > 0 ? rule.PerMinute : limit, rule.PerMinute > 0 ? 60 : 86_400);
        }
    }

    /// <summary>Like /cgi-bin/clear_quota: every daily count starts again.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _daily.Clear();
            _minute.Clear();
        }
    }

    private int DailyLimit(string path, QuotaRule rule) =>
        options.DailyLimits.TryGetValue(path, out var limit) ? limit : rule.DailyLimit;
}

public sealed record QuotaUsage(int DailyLimit, int Used, int Remain, int CallCount, int RefreshSecond);
