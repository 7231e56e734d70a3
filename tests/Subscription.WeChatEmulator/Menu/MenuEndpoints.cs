using System.Text.Json;
using Subscription.WeChatEmulator.Api;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Menu;

/// <summary>/cgi-bin/menu/create|get|delete (§7).</summary>
public static class MenuEndpoints
{
    public static void MapMenuEndpoints(this RouteGroupBuilder cgi)
    {
        var group = cgi.MapGroup("/menu").WithFamily(ApiFamily.Menu);

        group.MapPost("/create", (WeChatJson body, EmulatorState state) =>
        {
            var error = MenuValidator.Validate(body.Root);
            if (error != 0)
            {
                return WeChatResults.Error(error);
            }

            state.Menu.Set(body.Root.GetProperty("button").Clone());
            return WeChatResults.Ok();
        });

        group.MapGet("/get", (EmulatorState state) =>
            state.Menu.Current is { } buttons
                ? WeChatResults.Json(new { menu = new { button = buttons } })
                : WeChatResults.Error(46003));

        group.MapGet("/delete", (EmulatorState state) =>
        {
            state.Menu.Set(null);
            return WeChatResults.Ok();
        });
    }
}

/// <summary>The menu created through the API, as its "button" array.</summary>
public sealed class MenuStore
{
    private readonly Lock _lock = new();
    private JsonElement? _buttons;

    public JsonElement? Current
    {
        get
        {
            lock (_lock)
            {
                return _buttons;
            }
        }
    }

    public void Set(JsonElement? buttons)
    {
        lock (_lock)
        {
            _buttons = buttons;
        }
    }
}
