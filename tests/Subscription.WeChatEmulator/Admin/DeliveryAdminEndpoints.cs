using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Callbacks;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Admin;

/// <summary>/_emulator/deliveries, /_emulator/mass and /_emulator/callbacks: what was sent, and what was pushed.</summary>
public static class DeliveryAdminEndpoints
{
    public static void MapDeliveryAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/deliveries", (string? openid, EmulatorState state) =>
            string.IsNullOrEmpty(openid)
                ? Results.BadRequest("openid is required; use /_emulator/deliveries/summary for totals")
                : WeChatResults.Json(new { openid, deliveries = state.Deliveries.For(openid) }));

        admin.MapGet("/deliveries/summary", (EmulatorState state) =>
        {
            var counts = state.Deliveries.CountsPerOpenId();
            var duplicates = state.Deliveries.Duplicates();
            return WeChatResults.Json(new
            {
                total = state.Deliveries.Total,
                recipients = counts.Count,
                duplicate_count = duplicates.Count,
                duplicates = duplicates.Take(100),
            });
        });

        admin.MapGet("/mass", (EmulatorState state) => WeChatResults.Json(new { jobs = state.Mass.All() }));

        admin.MapGet("/callbacks", (CallbackSender sender) =>
            WeChatResults.Json(new { callbacks = sender.Records }));
    }
}
