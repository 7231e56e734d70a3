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

    public static ServerProcess Start(string dotnet, string serverDll, ServerSettings settings)
    {
        var info = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
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
        if (!process.Start())
        {
            throw new BenchmarkException($"Could not start {dotnet} {serverDll}.");
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
            await DeleteDataAsync();
        }
    }

    private async Task DeleteDataAsync()
    {
        for (var attempt = 1; Directory.Exists(_settings.DataPath); attempt++)
        {
            try
            {
                Directory.Delete(_settings.DataPath, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                // A file may still be held for a moment after the kill.
                await Task.Delay(200);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"warning: could not delete {_settings.DataPath}: {e.Message}");
                return;
            }
        }
    }
}
