using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Subscription.Server.Jobs;

/// <summary>
/// Hangfire keeps one log provider per process, set by whichever host configured it last. When hosts share
/// a process (the tests do) that host may already be gone; loggers asked of its disposed factory are silent
/// rather than failing the caller's job creation.
/// </summary>
internal sealed class HangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
