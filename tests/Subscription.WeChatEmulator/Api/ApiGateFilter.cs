using Subscription.WeChatEmulator.Faults;
using Subscription.WeChatEmulator.Hosting;
using Subscription.WeChatEmulator.Tokens;

namespace Subscription.WeChatEmulator.Api;

/// <summary>
/// What every /cgi-bin call goes through, in WeChat's order: injected latency and transport faults,
/// access_token (41001/40001/42001), quotas (45009/45011), body errors (40033/47001), injected errcodes,
/// the API itself, then faults that strike after the work was done.
/// </summary>
internal sealed class ApiGateFilter(EmulatorState state, IHostApplicationLifetime lifetime) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var family = http.GetEndpoint()?.Metadata.GetMetadata<ApiFamilyMetadata>()?.Family ?? ApiFamily.Quota;
        var fault = state.Faults.Decide(family);
        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency, http.RequestAborted);
        }

        switch (fault.Kind)
        {
            case FaultKind.Http500:
                return Results.Content("<html><body>500 Internal Server Error</body></html>", "text/html", statusCode: 500);
            case FaultKind.Timeout:
                await HangAsync(http, fault.HangFor);
                return Results.Empty;
        }

        if (family != ApiFamily.Token)
        {
            var token = state.Tokens.Check(http.Request.Query["access_token"]);
            if (token != TokenCheck.Valid)
            {
                return WeChatResults.Error((int)token);
            }
        }

        var quota = state.Quotas.TryConsume(http.Request.Path.Value ?? "");
        if (quota != 0)
        {
            return WeChatResults.Error(quota);
        }

        if (context.Arguments.OfType<WeChatJson>().FirstOrDefault() is { ErrorCode: { } bodyError })
        {
            return WeChatResults.Error(bodyError);
        }

        if (fault.Kind == FaultKind.Errcode)
        {
            return WeChatResults.Error(fault.Errcode);
        }

        var result = await next(context);
        switch (fault.Kind)
        {
            case FaultKind.TimeoutAfterDelivery:
                await HangAsync(http, fault.HangFor);
                break;
            case FaultKind.DropAfterDelivery:
                http.Abort();
                return Results.Empty;
        }

        return result;
    }

    private async Task HangAsync(HttpContext http, TimeSpan hangFor)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(hangFor, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the emulator is stopping: nobody is waiting for an answer any more.
        }
    }
}
