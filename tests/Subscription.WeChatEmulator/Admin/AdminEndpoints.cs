using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Admin;

/// <summary>Test controls under /_emulator: state, clock and tokens here; the rest in the other Admin files.</summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this WebApplication app)
    {
        var admin = app.MapGroup("/_emulator");

        admin.MapGet("/state", (EmulatorState state) => WeChatResults.Json(new
        {
            app_id = state.Options.AppId,
            original_id = state.Options.OriginalId,
            followers = state.Followers.Count,
            subscribed = state.Followers.SubscribedCount,
            tokens = state.Tokens.Stats,
            deliveries = state.Deliveries.Total,
            mass_jobs = state.Mass.All().Count,
            materials = state.Media.Counts,
            pending_job_events = state.JobEvents.Pending,
            clock_offset_seconds = state.Clock.Offset.TotalSeconds,
            now = state.Clock.UnixNow,
        }));

        admin.MapPost("/clock/advance", (AdvanceRequest request, EmulatorState state) =>
        {
            state.Clock.Advance(TimeSpan.FromSeconds(request.Seconds));
            return WeChatResults.Json(new { now = state.Clock.UnixNow, offset_seconds = state.Clock.Offset.TotalSeconds });
        });

        admin.MapGet("/tokens", (EmulatorState state) => WeChatResults.Json(state.Tokens.Stats));
        admin.MapPost("/tokens/expire", (EmulatorState state) =>
        {
            state.Tokens.ExpireAll();
            return WeChatResults.Json(state.Tokens.Stats);
        });
        admin.MapPost("/tokens/revoke", (EmulatorState state) =>
        {
            state.Tokens.RevokeAll();
            return WeChatResults.Json(state.Tokens.Stats);
        });

        // As if another server called /cgi-bin/token: the caller's classic token is now "not latest" (§6.1).
        admin.MapPost("/tokens/rotate", (EmulatorState state) => WeChatResults.Json(state.Tokens.IssueClassic()));

        admin.MapFollowerAdmin();
        admin.MapDeliveryAdmin();
        admin.MapFaultAdmin();
        admin.MapSimulateAdmin();
    }
}

public sealed record AdvanceRequest(double Seconds);
