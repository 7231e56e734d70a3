using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Subscription.Server.Configuration;
using Subscription.WeChat.Api;

namespace Subscription.Server.WeChatApi;

public static class WeChatApiServiceCollectionExtensions
{
    /// <summary>
    /// The typed WeChat clients on IHttpClientFactory, the shared access token and the shared rate limiter.
    /// Retries with backoff and jitter (5xx, time-outs) apply only where repeating a request is harmless: the
    /// token endpoints and reads. A send that may have been delivered is retried by its caller with WeChat's
    /// idempotency keys (client_msg_id, clientmsgid), never blindly here.
    /// </summary>
    public static IServiceCollection AddWeChatApi(this IServiceCollection services)
    {
        static void UseApiBase(IServiceProvider sp, HttpClient http) =>
            http.BaseAddress = sp.GetRequiredService<IOptions<WeChatOptions>>().Value.ApiBaseUrl;

        services.AddHttpClient<WeChatTokenClient>(UseApiBase).AddStandardResilienceHandler();
        services.AddHttpClient<WeChatApiClient>(UseApiBase)
            .AddStandardResilienceHandler(o => o.Retry.DisableForUnsafeHttpMethods());
        services.AddSingleton<AccessTokenService>();
        services.AddSingleton<IAccessTokenProvider>(sp => sp.GetRequiredService<AccessTokenService>());
        services.AddSingleton<RateLimiter>();
        return services;
    }
}
