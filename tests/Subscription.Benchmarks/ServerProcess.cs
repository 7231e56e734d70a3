using System.Diagnostics;

namespace Subscription.Benchmarks;

/// <summary>The server as a child process; disposing kills its whole tree and deletes its data folder.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ServerSettings _settings;
    private readonly ServerOutput _output = new();

    private ServerProcess(Process process, ServerSettings settings)
    {
        _process = process;
        _settings = settings;
    }

    public ServerOutput Output => _output;

    public bool HasExited => _process.HasExited;

    /// <summary>The server's resident memory now, in bytes.</summary>
    public long WorkingSet()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    /// <summary>User and system CPU time of the server so far (zero once it has exited).</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    public static ServerProcess Start(string dotnet, string serverDll, ServerSettings settings)
    {
        var info = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(serverDll);
        foreach (var (name, value) in settings.ProcessEnvironment())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var server = new ServerProcess(process, settings);
        process.OutputDataReceived += (_, e) => server._output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => server._output.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            Directory.Delete(settings.DataPath, recursive: true);
            throw new BenchmarkException($"Could not start {dotnet} {serverDll}: {e.Message}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Polls /healthz until it answers 200, the process dies, or 60 s pass.</summary>
    public async Task WaitUntilHealthyAsync(HttpClient client, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var health = new Uri(_settings.BaseAddress, "/healthz");
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new BenchmarkException($"The server exited with code {_process.ExitCode} while starting:\n{_output.Tail()}");
            }

            try
            {
                using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, probe.Token);
                using var response = await client.GetAsync(health, linked.Token);
                if (response.IsSuccessStatusCode)
                {
                    _output.ResetCounts();
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancel.IsCancellationRequested))
            {
                // Not listening yet, or too slow to answer: try again.
            }

            await Task.Delay(200, cancel);
        }

        throw new BenchmarkException($"The server did not report healthy within {StartTimeout.TotalSeconds:F0} s:\n{_output.Tail()}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine($"warning: could not confirm the server (pid {_process.Id}) stopped: {e.Message}");
        }
        finally
        {
            _process.Dispose();
            await DataFolder.DeleteAsync(_settings.DataPath);
        }
    }
}
