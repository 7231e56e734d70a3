using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Subscription.Server.Tests.Infrastructure;

/// <summary>A loopback TCP proxy in front of the store that can hold every byte back for a while: a slow Redis.</summary>
public sealed class DelayProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _upstream;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public DelayProxy(string upstream)
    {
        _upstream = IPEndPoint.Parse(upstream.Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public TimeSpan Delay { get; set; }

    public string Endpoint => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = RelayAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_upstream, _stop.Token);
                await Task.WhenAny(PumpAsync(client.GetStream(), server.GetStream()), PumpAsync(server.GetStream(), client.GetStream()));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
            }
        }
    }

    // Every chunk is held back for the delay from when it was read, not after the one before it: a store that is
    // slow to answer, rather than one that answers one chunk at a time (which compounds with unrelated traffic).
    private async Task PumpAsync(NetworkStream from, NetworkStream to)
    {
        var chunks = Channel.CreateUnbounded<(long Due, byte[] Data)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var forwarding = ForwardAsync(chunks.Reader, to);
        try
        {
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                chunks.Writer.TryWrite((Stopwatch.GetTimestamp() + (long)(Delay.TotalSeconds * Stopwatch.Frequency), buffer[..read]));
            }
        }
        finally
        {
            chunks.Writer.TryComplete();
            await forwarding;
        }
    }

    private async Task ForwardAsync(ChannelReader<(long Due, byte[] Data)> chunks, NetworkStream to)
    {
        await foreach (var (due, data) in chunks.ReadAllAsync(_stop.Token))
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _stop.Token);
            }

            await to.WriteAsync(data, _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
