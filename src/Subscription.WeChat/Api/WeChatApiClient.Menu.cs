using System.Text.Json;
using System.Text.Json.Nodes;

namespace Subscription.WeChat.Api;

public sealed partial class WeChatApiClient
{
    /// <summary>POST /cgi-bin/menu/create (§7) with a body <c>{"button":[…]}</c>; replaces the live menu.</summary>
    public async Task CreateMenuAsync(JsonNode menu, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(menu);
        if (menu is not JsonObject { } body || body["button"] is not JsonArray)
        {
            throw new ArgumentException("A menu is an object with a \"button\" array.", nameof(menu));
        }

        await PostAsync("cgi-bin/menu/create", menu, Json.JsonNode, Json.WeChatStatus, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As <see cref="CreateMenuAsync(JsonNode, CancellationToken)"/>; the JSON is re-serialized so any <c>\u</c> escapes go out literally.</summary>
    public Task CreateMenuAsync(string menuJson, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(menuJson);
        JsonNode? menu;
        try
        {
            menu = JsonNode.Parse(menuJson);
        }
        catch (JsonException e)
        {
            throw new ArgumentException("The menu is not valid JSON.", nameof(menuJson), e);
        }

        return CreateMenuAsync(menu ?? throw new ArgumentException("The menu is JSON null.", nameof(menuJson)), cancellationToken);
    }

    /// <summary>
    /// GET /cgi-bin/menu/get (§7): the whole answer, <c>{"menu":{"button":[…]},"conditionalmenu":[…]}</c>,
    /// or null when no menu exists (46003).
    /// </summary>
    public async Task<JsonObject?> GetMenuAsync(CancellationToken cancellationToken = default)
    {
        const int NoMenu = 46003;
        var menu = await GetAsync("cgi-bin/menu/get", null, Json.JsonObject, cancellationToken, NoMenu).ConfigureAwait(false);
        return menu["errcode"] is JsonValue code && code.TryGetValue(out int value) && value == NoMenu ? null : menu;
    }

    /// <summary>GET /cgi-bin/menu/delete (§7); also removes personalised menus.</summary>
    public Task DeleteMenuAsync(CancellationToken cancellationToken = default) =>
        GetAsync("cgi-bin/menu/delete", null, Json.WeChatStatus, cancellationToken);
}
