using System.Diagnostics;

namespace Subscription.Benchmarks;

/// <summary>
/// Starts sends at fixed intervals from a dedicated thread. Task.Delay and timers wake through the thread pool
/// and oversleep by several milliseconds on a busy machine; a sleeping thread wakes within about one.
/// The thread only keeps time: each send starts on the thread pool. Run on the pacer, a send's synchronous part
/// (HttpClient writes the request before its first await) held up every later one, and a pacer preempted in
/// the middle of a burst put whole milliseconds of sends behind schedule (p99 lag 18 ms in some runs).
/// </summary>
public static class Pacer
{
    /// <returns>The started sends, once the last one is started.</returns>
    public static Task<Task[]> RunAsync(int count, double rate, long start, Func<int, long, Task> send, CancellationToken cancel)
    {
        var done = new TaskCompletionSource<Task[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ticksPerSend = Stopwatch.Frequency / rate;

        void Loop()
        {
            try
            {
                var started = new Task[count];
                for (var i = 0; i < count; i++)
                {
                    var due = start + (long)(i * ticksPerSend);
                    while (Stopwatch.GetTimestamp() < due)
                    {
                        cancel.ThrowIfCancellationRequested();
                        Thread.Sleep(1);
                    }

                    var index = i;
                    started[i] = Task.Run(() => send(index, due), CancellationToken.None);
                }

                done.SetResult(started);
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }

        new Thread(Loop) { IsBackground = true, Name = "open-loop pacer", Priority = ThreadPriority.AboveNormal }.Start();
        return done.Task;
    }
}
