using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Quotas;

/// <summary>POST /cgi-bin/openapi/quota/get and /cgi-bin/clear_quota (§14).</summary>
public static class QuotaEndpoints
{
    public static void MapQuotaEndpoints(this RouteGroupBuilder cgi)
    {
        var group = cgi.MapGroup("").WithFamily(ApiFamily.Quota);
        group.MapPost("/openapi/quota/get", (WeChatJson body, EmulatorState state) =>
        {
            var path = body.Root.Str("cgi_path");
            if (string.IsNullOrEmpty(path))
            {
                return WeChatResults.Error(61451, "cgi_path missing");
            }

            return state.Quotas.Usage(path) is { } usage
                ? WeChatResults.Json(new
                {
                    errcode = 0,
                    errmsg = "ok",
                    quota = new { daily_limit = usage.DailyLimit, used = usage.Used, remain = usage.Remain },
                    rate_limit = new { call_count = usage.CallCount, refresh_second = usage.RefreshSecond },
                })
                : WeChatResults.Error(76021);
        });

        group.MapPost("/clear_quota", (WeChatJson body, EmulatorState state) =>
        {
            if (body.Root.Str("appid") != state.Options.AppId)
            {
                return WeChatResults.Error(40013);
            }

            state.Quotas.Clear();
            return WeChatResults.Ok();
        });
    }
}
