using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Faults;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Admin;

/// <summary>/_emulator/faults: read and change fault injection while running.</summary>
public static class FaultAdminEndpoints
{
    public static void MapFaultAdmin(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/faults");

        group.MapGet("", (EmulatorState state) =>
            WeChatResults.Json(new { settings = state.Faults.Current, injected = state.Faults.Injected }));

        // PUT /_emulator/faults/default or /_emulator/faults/{family}, e.g. /_emulator/faults/template.
        group.MapPut("/{family}", (string family, FaultProfile profile, EmulatorState state) =>
        {
            if (family.Equals("default", StringComparison.OrdinalIgnoreCase))
            {
                state.Faults.Set(null, profile);
            }
            else if (Enum.TryParse<ApiFamily>(family, ignoreCase: true, out var parsed))
            {
                state.Faults.Set(parsed, profile);
            }
            else
            {
                return Results.BadRequest($"unknown family '{family}'; one of default, {string.Join(", ", Enum.GetNames<ApiFamily>())}");
            }

            return WeChatResults.Json(new { settings = state.Faults.Current });
        });

        group.MapDelete("", (EmulatorState state) =>
        {
            state.Faults.Clear();
            return WeChatResults.Json(new { settings = state.Faults.Current });
        });
    }
}
