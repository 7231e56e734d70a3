using System.Globalization;

namespace Subscription.Benchmarks;

/// <summary>Other work on the machine skews every figure; the report says how busy it was before the start.</summary>
public static class MachineLoad
{
    /// <summary>The share of all cores busy over <paramref name="window"/> (Linux /proc/stat), or null where unknown.</summary>
    public static async Task<double?> BusyFractionAsync(TimeSpan window, CancellationToken cancel)
    {
        var before = ReadCpuTicks();
        await Task.Delay(window, cancel);
        var after = ReadCpuTicks();
        if (before is not { } b || after is not { } a || a.Total <= b.Total)
        {
            return null;
        }

        return 1 - (double)(a.Idle - b.Idle) / (a.Total - b.Total);
    }

    public static string Describe(double? busy) =>
        $"{Environment.ProcessorCount} cores" + (busy is { } value ? $", {value:P0} busy before start" : "");

    /// <summary>Idle (idle + iowait) and total jiffies from the "cpu" line of /proc/stat.</summary>
    private static (long Idle, long Total)? ReadCpuTicks()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return ticks.Length < 5 ? null : (ticks[3] + ticks[4], ticks.Sum());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }
}
