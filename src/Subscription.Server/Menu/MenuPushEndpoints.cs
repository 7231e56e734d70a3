using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Subscription.Server.Digests;
using Subscription.WeChat.Api;

namespace Subscription.Server.Menu;

/// <summary>POST /admin/api/menu/push (config/menu.json → menu/create) and GET /admin/api/menu (what WeChat has).</summary>
public static class MenuPushEndpoints
{
    public static RouteGroupBuilder MapMenuAdmin(this RouteGroupBuilder admin)
    {
        admin.MapPost("/menu/push", PushAsync);
        admin.MapGet("/menu", GetAsync);
        return admin;
    }

    private static async Task<IResult> PushAsync(IOptions<AccountMenu> menu, IOptions<DigestOptions> digest, WeChatApiClient api, CancellationToken cancellationToken)
    {
        var body = Resolve(menu.Value.Definition!, digest.Value.PublicBaseUrl);
        var tooLong = body.Buttons.SelectMany(b => b.SubButtons ?? [b]).FirstOrDefault(b => System.Text.Encoding.UTF8.GetByteCount(b.Url ?? "") > 1024);
        if (tooLong is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Menu not pushed",
                detail: $"button '{tooLong.Name}': its URL is over 1024 bytes once joined to Digest:PublicBaseUrl.");
        }

        try
        {
            await api.CreateMenuAsync(JsonSerializer.Serialize(body, MenuJsonContext.Default.MenuDefinition), cancellationToken);
        }
        catch (WeChatApiException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "WeChat refused the menu", detail: $"{e.ErrCode} {e.ErrMsg}");
        }

        return TypedResults.Text(JsonSerializer.Serialize(body, MenuJsonContext.Default.MenuDefinition), "application/json");
    }

    private static async Task<IResult> GetAsync(WeChatApiClient api, CancellationToken cancellationToken)
    {
        try
        {
            var current = await api.GetMenuAsync(cancellationToken);
            return TypedResults.Text(current?.ToJsonString() ?? "null", "application/json");
        }
        catch (WeChatApiException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "WeChat did not return the menu", detail: $"{e.ErrCode} {e.ErrMsg}");
        }
    }

    /// <summary>Turns the paths in menu.json (/issues) into absolute URLs on the reader pages' public address.</summary>
    internal static MenuDefinition Resolve(MenuDefinition menu, Uri publicBase)
    {
        MenuButton Fix(MenuButton b) => b with
        {
            Url = b.Url is { } url && url.StartsWith('/') ? new Uri(publicBase, url).AbsoluteUri : b.Url,
            SubButtons = b.SubButtons?.Select(Fix).ToList(),
        };
        return new MenuDefinition(menu.Buttons.Select(Fix).ToList());
    }
}
