namespace Subscription.Server.Jobs;

/// <summary>
/// Runs one of Hangfire's blocking calls (enqueue, schedule, delete, read a job) on a thread of its own, so that async
/// code awaits it without holding a thread-pool thread.
/// </summary>
/// <remarks>
/// Hangfire's client and storage API waits on the calling thread for each store round trip, while the store's answer
/// is read, and from the embedded store also produced, by thread-pool work. A few such waits at once on pool threads
/// leave no thread to read the answers: every callback in the process then stalls until the pool has grown by one
/// thread per blocked call, at about two threads a second, and the waits pass the store's 5 s time-out.
/// </remarks>
internal static class OwnThread
{
    public static Task<T> RunAsync<T>(Func<T> call) =>
        Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public static Task RunAsync(Action call) =>
        Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
