using System.Text.Json.Serialization;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Callbacks;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Admin;

/// <summary>/_emulator/callback (where to push) and /_emulator/simulate/* (followers acting, with callbacks).</summary>
public static class SimulateAdminEndpoints
{
    public static void MapSimulateAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/callback", (EmulatorState state) => WeChatResults.Json(state.Options.Callback));
        admin.MapPut("/callback", (CallbackOptions options, EmulatorState state) =>
        {
            if (options.Mode != CallbackMode.Plain && options.EncodingAesKey is not { Length: 43 })
            {
                return Results.BadRequest("compatible and safe mode need a 43-character encoding_aes_key");
            }

            state.Options.Callback = options;
            return WeChatResults.Json(options);
        });

        var simulate = admin.MapGroup("/simulate");
        simulate.MapPost("/follow", async (SimulateRequest request, FollowerSimulator simulator, CancellationToken cancellationToken) =>
        {
            if (request.OpenId is null)
            {
                var (openId, result) = await simulator.FollowNewAsync(request.QrScene, cancellationToken);
                return WeChatResults.Json(new { openid = openId, result });
            }

            return WeChatResults.Json(new { openid = request.OpenId, result = await simulator.FollowAsync(request.OpenId, request.QrScene, cancellationToken) });
        });
        simulate.MapPost("/unfollow", (SimulateRequest request, FollowerSimulator simulator, CancellationToken cancellationToken) =>
            Run(request, openId => simulator.UnfollowAsync(openId, cancellationToken)));
        simulate.MapPost("/click", (SimulateRequest request, FollowerSimulator simulator, CancellationToken cancellationToken) =>
            Run(request, openId => simulator.ClickAsync(openId, request.Key ?? "", cancellationToken)));
        simulate.MapPost("/text", (SimulateRequest request, FollowerSimulator simulator, CancellationToken cancellationToken) =>
            Run(request, openId => simulator.SendTextAsync(openId, request.Content ?? "", cancellationToken)));
    }

    private static async Task<IResult> Run(SimulateRequest request, Func<string, Task<CallbackResult>> action)
    {
        if (request.OpenId is null)
        {
            return Results.BadRequest("openid is required");
        }

        try
        {
            return WeChatResults.Json(new { openid = request.OpenId, result = await action(request.OpenId) });
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return Results.BadRequest(ex.Message);
        }
    }
}

/// <param name="OpenId">The follower; for /follow, null means a brand-new follower.</param>
public sealed record SimulateRequest([property: JsonPropertyName("openid")] string? OpenId = null, string? Key = null, string? Content = null, string? QrScene = null);
