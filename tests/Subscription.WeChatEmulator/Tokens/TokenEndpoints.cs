using Microsoft.AspNetCore.Mvc;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Tokens;

/// <summary>GET /cgi-bin/token (§6.1) and POST /cgi-bin/stable_token (§6.2).</summary>
public static class TokenEndpoints
{
    public static void MapTokenEndpoints(this RouteGroupBuilder cgi)
    {
        var group = cgi.MapGroup("").WithFamily(ApiFamily.Token);
        group.MapGet("/token", ([FromQuery(Name = "grant_type")] string? grantType, string? appid, string? secret, EmulatorState state) =>
        {
            if (Credentials(state.Options, grantType, appid, secret) is { } errcode)
            {
                return WeChatResults.Error(errcode);
            }

            var grant = state.Tokens.IssueClassic();
            return WeChatResults.Json(grant);
        });

        group.MapPost("/stable_token", (WeChatJson body, EmulatorState state) =>
        {
            var root = body.Root;
            if (Credentials(state.Options, root.Str("grant_type"), root.Str("appid"), root.Str("secret")) is { } errcode)
            {
                return WeChatResults.Error(errcode);
            }

            var (grant, refused) = state.Tokens.GetStable(root.Bool("force_refresh"));
            return grant is null ? WeChatResults.Error(refused) : WeChatResults.Json(grant);
        });
    }

    private static int? Credentials(EmulatorOptions options, string? grantType, string? appId, string? secret) =>
        grantType != "client_credential" ? 40002
        : string.IsNullOrEmpty(appId) ? 41002
        : appId != options.AppId ? 40013
        : string.IsNullOrEmpty(secret) ? 41004
        : secret != options.AppSecret ? 40125
        : null;
}
