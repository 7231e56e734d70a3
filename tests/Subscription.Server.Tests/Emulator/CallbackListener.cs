using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Subscription.Server.Tests.Emulator;

/// <summary>A push WeChat made: its query string and body.</summary>
public sealed record ReceivedCallback(IQueryCollection Query, string Body)
{
    public string this[string name] => Query[name].ToString();
}

/// <summary>A tiny HTTP endpoint on a loopback port standing in for the server's /wechat callback.</summary>
public sealed class CallbackListener : IAsyncDisposable
{
    private readonly Channel<ReceivedCallback> _received = Channel.CreateUnbounded<ReceivedCallback>();
    private readonly WebApplication _app;

    private CallbackListener(WebApplication app) => _app = app;

    /// <summary>The reply for a push; "success" unless a test sets it. May delay to force a WeChat time-out.</summary>
    public Func<ReceivedCallback, Task<string>> Reply { get; set; } = _ => Task.FromResult("success");

    public string Url => _app.Urls.First() + "/wechat";

    public static async Task<CallbackListener> StartAsync()
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        app.Urls.Add("http://127.0.0.1:0");
        var listener = new CallbackListener(app);
        app.MapPost("/wechat", async (HttpRequest request) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            var callback = new ReceivedCallback(request.Query, body);
            listener._received.Writer.TryWrite(callback);
            return Results.Text(await listener.Reply(callback), "text/xml");
        });
        await app.StartAsync();
        return listener;
    }

    /// <summary>The next push, waiting up to 10 seconds.</summary>
    public async Task<ReceivedCallback> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
