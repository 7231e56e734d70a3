using System.Globalization;
using System.Runtime.InteropServices;
using Subscription.Benchmarks;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = BenchmarkOptions.Parse(args, out var usageError);
if (options is null)
{
    Console.Error.WriteLine(usageError is "" ? BenchmarkOptions.Usage : $"{usageError}\n\n{BenchmarkOptions.Usage}");
    return usageError is "" ? 0 : 2;
}

#if DEBUG
Console.Error.WriteLine("warning: this is a Debug build; run with -c Release for meaningful figures.");
#endif

using var cancel = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    // Unwind through the normal path so the server is killed and its data folder deleted.
    context.Cancel = true;
    cancel.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    var busyAtStart = await MachineLoad.BusyFractionAsync(TimeSpan.FromSeconds(1), cancel.Token);
    if (busyAtStart > 0.25)
    {
        Console.Error.WriteLine($"warning: other work keeps the machine {busyAtStart:P0} busy; the figures will be low and noisy.");
    }

    var serverDll = ServerLocator.FindServerDll(options.ServerDll);
    var settings = ServerSettings.Create();
    if ((options.Sync || options.Broadcast) && settings.RedisConfiguration is null)
    {
        // 1,000,000 follower records outgrow the embedded store's memory; its disk reads then take the run past 30 minutes.
        Console.Error.WriteLine($"The sync and broadcast benchmarks hold 1,000,000 followers: run them against a redis-server with {ServerSettings.RedisVariable}=host:port.");
        return 2;
    }

    await using var wechat = options.Sync || options.Broadcast ? await SyncRun.StartWeChatAsync(cancel.Token) : null;
    if (wechat is not null)
    {
        settings = settings with { ApiBaseUrl = wechat.BaseAddress.AbsoluteUri, JobWorkers = options.Broadcast ? options.Workers : 1 };
    }

    if (options.Broadcast)
    {
        settings = settings with { Extra = BroadcastRun.Settings(options.MassPerMinute) };
    }

    Console.Error.WriteLine($"… starting {serverDll} (store: {settings.StoreDescription})");
    await using var server = ServerProcess.Start(ServerLocator.FindDotnetHost(), serverDll, settings);
    using var sender = Sender.Create(settings.BaseAddress, options.Connections);
    await server.WaitUntilHealthyAsync(sender.Client, cancel.Token);

    if (options.Sync)
    {
        using var admin = new HttpClient { BaseAddress = settings.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", ServerSettings.AdminApiKey);
        SyncRun.Print(Console.Out, settings, await SyncRun.RunAsync(server, admin, cancel.Token));
        return 0;
    }

    if (options.Broadcast)
    {
        using var admin = new HttpClient { BaseAddress = settings.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", ServerSettings.AdminApiKey);
        await new BroadcastRun(server, admin, settings, wechat!, Path.GetDirectoryName(serverDll)!, options.Connections, options.MassPerMinute, options.Workers).RunAsync(Console.Out, cancel.Token);
        return 0;
    }

    if (options.Search)
    {
        using var admin = new HttpClient { BaseAddress = settings.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        admin.DefaultRequestHeaders.Add("X-Api-Key", ServerSettings.AdminApiKey);
        var search = new SearchRun(options, sender, new CallbackFactory(ServerSettings.Token), admin);
        SearchRun.Print(Console.Out, options, settings, await search.RunAsync(cancel.Token));
        return 0;
    }

    var run = new BenchmarkRun(options, server, sender, new CallbackFactory(ServerSettings.Token));
    var results = await run.RunAsync(cancel.Token);
    Report.Print(Console.Out, options, settings, results, server.Output, busyAtStart);
    return 0;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled; the server was stopped.");
    return 130;
}
catch (BenchmarkException e)
{
    Console.Error.WriteLine($"BENCHMARK FAILED: {e.Message}");
    return 1;
}
catch (Exception e)
{
    Console.Error.WriteLine($"BENCHMARK FAILED unexpectedly: {e}");
    return 1;
}
