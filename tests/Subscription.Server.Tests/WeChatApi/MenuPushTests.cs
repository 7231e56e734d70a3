using System.Net;
using System.Text.Json;
using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.WeChatApi;

/// <summary>config/menu.json pushed through the real server to the emulator, and read back.</summary>
[Trait("Category", "Storage")]
public sealed class MenuPushTests(StoreFixture store) : IAsyncLifetime
{
    private EmulatorHost _wechat = null!;
    private ServerFactory _server = null!;

    public async ValueTask InitializeAsync()
    {
        _wechat = await EmulatorHost.StartAsync();
        _server = new ServerFactory(store, new Dictionary<string, string?>
        {
            ["WeChat:AppId"] = _wechat.State.Options.AppId,
            ["WeChat:AppSecret"] = _wechat.State.Options.AppSecret,
            ["WeChat:ApiBaseUrl"] = _wechat.BaseAddress.AbsoluteUri,
            ["Digest:PublicBaseUrl"] = "https://news.example.cn",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _wechat.DisposeAsync();
    }

    [Fact]
    public async Task Push_ShippedMenu_WeChatHasItWithAbsoluteUrls()
    {
        var admin = _server.CreateAdminClient();

        using var pushed = await admin.PostAsync("/admin/api/menu/push", null);

        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        var menu = _wechat.State.Menu.Current!.Value.GetRawText();
        Assert.Contains("\"key\":\"latest\"", menu.Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains("https://news.example.cn/issues", menu);
        var readBack = JsonDocument.Parse(await admin.GetStringAsync("/admin/api/menu"));
        Assert.Contains("https://news.example.cn/issues", readBack.RootElement.GetRawText());
        Assert.Equal(1, _wechat.State.Tokens.Stats.StableFetches + _wechat.State.Tokens.Stats.ClassicFetches);
    }

    [Fact]
    public async Task Push_WithAWrongSecret_BadGatewayNamingWeChatsError()
    {
        await using var misconfigured = new ServerFactory(store, new Dictionary<string, string?>
        {
            ["WeChat:AppId"] = _wechat.State.Options.AppId,
            ["WeChat:AppSecret"] = "not-the-secret-0000",
            ["WeChat:ApiBaseUrl"] = _wechat.BaseAddress.AbsoluteUri,
        });

        using var response = await misconfigured.CreateAdminClient().PostAsync("/admin/api/menu/push", null);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Null(_wechat.State.Menu.Current);
        Assert.DoesNotContain("not-the-secret-0000", await response.Content.ReadAsStringAsync());
    }
}
