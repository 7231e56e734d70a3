using System.Diagnostics;

namespace Subscription.Benchmarks;

/// <summary>
/// The emulator runs in this process and keeps every delivery: by the mass phases its heap holds some 2 GB, and
/// a background gen2 collection over it takes about a second of a core from the server under test. Each timed
/// phase therefore starts on a settled heap (a blocking full collection, as benchmark harnesses do between runs),
/// and the report says how many gen2 collections still fell inside a phase.
/// </summary>
public sealed class EmulatorHeap
{
    private readonly int _gen2 = GC.CollectionCount(2);
    private readonly TimeSpan _cpu = ProcessCpu();

    private EmulatorHeap()
    {
    }

    /// <summary>Collects everything now, then starts counting.</summary>
    public static EmulatorHeap Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return new EmulatorHeap();
    }

    /// <summary>CPU of this process (emulator, load and poller) since <see cref="Settle"/>.</summary>
    public TimeSpan Cpu => ProcessCpu() - _cpu;

    /// <summary>Gen2 collections and CPU of this process since <see cref="Settle"/>.</summary>
    public string Describe() => $"this process: {GC.CollectionCount(2) - _gen2} gen2 GC, {Cpu.TotalSeconds:F2} s CPU";

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
