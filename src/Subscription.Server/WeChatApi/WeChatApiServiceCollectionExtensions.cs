using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Subscription.Server.Configuration;
using Subscription.WeChat.Api;

namespace Subscription.Server.WeChatApi;

public static class WeChatApiServiceCollectionExtensions
{
    /// <summary>
    /// The typed WeChat clients on IHttpClientFactory, the shared access token and the shared rate limiter.
    /// Retries with backoff and jitter (5xx, time-outs) apply only where repeating a request is harmless: the
    /// token endpoints and GETs (reads, and menu/delete, which is idempotent). A POST, which may be a send already
    /// delivered, is retried by its caller with WeChat's idempotency keys (client_msg_id, clientmsgid), never blindly here.
    /// </summary>
    public static IServiceCollection AddWeChatApi(this IServiceCollection services)
    {
        static void UseApiBase(IServiceProvider sp, HttpClient http) =>
            http.BaseAddress = sp.GetRequiredService<IOptions<WeChatOptions>>().Value.ApiBaseUrl;

        services.AddTransient<ResilienceRejectionHandler>();
        services.AddHttpClient<WeChatTokenClient>(UseApiBase).AddHttpMessageHandler<ResilienceRejectionHandler>().AddStandardResilienceHandler();
        // No per-request HttpClient logging: a broadcast makes thousands of calls a second; failures surface as
        // WeChatApiException/WeChatTransportException with errcode, rid and endpoint, which callers log or record.
        services.AddHttpClient<WeChatApiClient>(UseApiBase)
            .RemoveAllLoggers()
            .AddHttpMessageHandler<ResilienceRejectionHandler>()
            .AddResilienceHandler("wechat-api", ConfigureApiPipeline)
            .SelectPipelineBy(_ => request => request.Method == HttpMethod.Get ? ReadPipeline : SendPipeline);
        services.AddSingleton<AccessTokenService>();
        services.AddSingleton<IAccessTokenProvider>(sp => sp.GetRequiredService<AccessTokenService>());
        services.AddSingleton<RateLimiter>();
        return services;
    }

    private const string ReadPipeline = "read";
    private const string SendPipeline = "send";

    /// <summary>
    /// GETs get the standard handler's retries inside a total time-out; POSTs only the breaker and the attempt
    /// time-out, since a retry is their caller's to make (as before, POST reads such as mass/get are not retried here). Unlike the standard handler there is no concurrency
    /// limiter: the shared <see cref="RateLimiter"/> paces WeChat calls, and each pipeline layer costs a broadcast
    /// measurable CPU per send.
    /// </summary>
    private static void ConfigureApiPipeline(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var timeout = context.ServiceProvider.GetRequiredService<IOptions<WeChatOptions>>().Value.ApiTimeout;
        if (context.InstanceName == ReadPipeline)
        {
            pipeline.AddTimeout(timeout * 4).AddRetry(new HttpRetryStrategyOptions());
        }

        // A broadcast meets WeChat's scattered −1s, 5xx and time-outs with per-follower back-off; the circuit opens
        // only when most calls fail. Its sampling window must be at least twice the attempt time-out.
        var breaker = new HttpCircuitBreakerStrategyOptions { FailureRatio = 0.5 };
        breaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(breaker.SamplingDuration.Ticks, timeout.Ticks * 2));
        pipeline.AddCircuitBreaker(breaker).AddTimeout(timeout);
    }
}
