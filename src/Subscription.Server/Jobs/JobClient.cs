using System.Linq.Expressions;
using Hangfire;
using Hangfire.States;

namespace Subscription.Server.Jobs;

/// <summary>
/// The service's calls to Hangfire (enqueue, schedule, delete, look at a job, register a recurring one), each run on a
/// thread of its own, so that async code awaits it without holding a thread-pool thread.
/// </summary>
/// <remarks>
/// Hangfire's client and storage API waits on the calling thread for each store round trip, while the store's answer
/// is read, and from the embedded store also produced, by thread-pool work. A few such waits at once on pool threads
/// leave no thread to read the answers: every callback in the process then stalls until the pool has grown by one
/// thread per blocked call, at about two threads a second, and the waits pass the store's 5 s time-out.
/// </remarks>
public sealed class JobClient(IBackgroundJobClient jobs, IRecurringJobManager recurring, JobStorage storage)
{
    public Task<string> EnqueueAsync<T>(Expression<Func<T, Task>> job) => OnOwnThread(() => jobs.Enqueue(job));

    public Task<string> ScheduleAsync<T>(Expression<Func<T, Task>> job, DateTimeOffset at) => OnOwnThread(() => jobs.Schedule(job, at));

    public Task<bool> DeleteAsync(string jobId) => OnOwnThread(() => jobs.Delete(jobId));

    /// <summary>Queued, scheduled or awaiting another job: it will run by itself.</summary>
    public async Task<bool> IsWaitingAsync(string jobId)
    {
        var state = await OnOwnThread(() =>
        {
            using var connection = storage.GetConnection();
            return connection.GetJobData(jobId)?.State;
        });
        return state == EnqueuedState.StateName || state == ScheduledState.StateName || state == AwaitingState.StateName;
    }

    public Task AddOrUpdateRecurringAsync<T>(string recurringId, Expression<Func<T, Task>> job, string cron, RecurringJobOptions options) =>
        OnOwnThread(() => recurring.AddOrUpdate(recurringId, job, cron, options));

    public Task RemoveRecurringAsync(string recurringId) => OnOwnThread(() => recurring.RemoveIfExists(recurringId));

    private static Task<TResult> OnOwnThread<TResult>(Func<TResult> call) =>
        Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Task OnOwnThread(Action call) =>
        Task.Factory.StartNew(call, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
