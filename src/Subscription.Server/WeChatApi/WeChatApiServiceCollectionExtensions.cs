using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Subscription.Server.Configuration;
using Subscription.WeChat.Api;

namespace Subscription.Server.WeChatApi;

public static class WeChatApiServiceCollectionExtensions
{
    /// <summary>
    /// The WeChat clients on IHttpClientFactory, the shared access token and the shared rate limiter.
    /// Retries with backoff and jitter (5xx, time-outs) apply only where repeating a request is harmless: the
    /// token endpoints and GETs (reads, and menu/delete, which is idempotent). A POST, which may be a send already
    /// delivered, is retried by its caller with WeChat's idempotency keys (client_msg_id, clientmsgid), never blindly
    /// here: it goes through a client of its own with nothing but the attempt time-out.
    /// </summary>
    public static IServiceCollection AddWeChatApi(this IServiceCollection services)
    {
        static void UseApiBase(IServiceProvider sp, HttpClient http) =>
            http.BaseAddress = sp.GetRequiredService<IOptions<WeChatOptions>>().Value.ApiBaseUrl;

        services.AddTransient<ResilienceRejectionHandler>();
        services.AddHttpClient<WeChatTokenClient>(UseApiBase).AddHttpMessageHandler<ResilienceRejectionHandler>().AddStandardResilienceHandler();
        // No per-request HttpClient logging: a broadcast makes thousands of calls a second; failures surface as
        // WeChatApiException/WeChatTransportException with errcode, rid and endpoint, which callers log or record.
        services.AddHttpClient(ReadClient, UseApiBase)
            .RemoveAllLoggers()
            .AddHttpMessageHandler<ResilienceRejectionHandler>()
            .AddResilienceHandler(ReadClient, ConfigureReadPipeline);
        // A broadcast's sends: the resilience handler alone, with no strategy in it, cost a template broadcast about
        // a sixth of the server's CPU a send. HttpClient's own time-out is the attempt time-out.
        services.AddHttpClient(SendClient, (sp, http) =>
            {
                UseApiBase(sp, http);
                http.Timeout = sp.GetRequiredService<IOptions<WeChatOptions>>().Value.ApiTimeout;
            })
            .RemoveAllLoggers();
        services.AddTransient(sp =>
        {
            var clients = sp.GetRequiredService<IHttpClientFactory>();
            return new WeChatApiClient(clients.CreateClient(SendClient), sp.GetRequiredService<IAccessTokenProvider>(), clients.CreateClient(ReadClient));
        });
        services.AddSingleton<AccessTokenService>();
        services.AddSingleton<IAccessTokenProvider>(sp => sp.GetRequiredService<AccessTokenService>());
        services.AddSingleton<RateLimiter>();
        return services;
    }

    private const string ReadClient = "wechat-api-read";
    private const string SendClient = "wechat-api-send";

    /// <summary>
    /// The standard handler's retries inside a total time-out, then a circuit breaker and the attempt time-out.
    /// Unlike the standard handler there is no concurrency limiter: the shared <see cref="RateLimiter"/> paces WeChat calls.
    /// </summary>
    private static void ConfigureReadPipeline(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var timeout = context.ServiceProvider.GetRequiredService<IOptions<WeChatOptions>>().Value.ApiTimeout;
        // The circuit opens only when most calls fail. Its sampling window must be at least twice the attempt time-out.
        var breaker = new HttpCircuitBreakerStrategyOptions { FailureRatio = 0.5 };
        breaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(breaker.SamplingDuration.Ticks, timeout.Ticks * 2));
        pipeline.AddTimeout(timeout * 4).AddRetry(new HttpRetryStrategyOptions()).AddCircuitBreaker(breaker).AddTimeout(timeout);
    }
}
