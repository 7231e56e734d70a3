using System.Text.Json.Nodes;
using Subscription.WeChat.Api;

namespace Subscription.WeChat.Tests.Api;

public sealed class MenuApiTests
{
    // The spec's example body (§7).
    private const string SpecMenu = """
        {"button":[
          {"type":"click","name":"最新一期","key":"LATEST_ISSUE"},
          {"name":"订阅","sub_button":[
            {"type":"click","name":"订阅周报","key":"SUB_WEEKLY"},
            {"type":"click","name":"退订","key":"UNSUB_ALL"},
            {"type":"view","name":"往期","url":"https://example.com/archive"},
            {"type":"miniprogram","name":"小程序","url":"https://example.com","appid":"wxAPPID","pagepath":"pages/index/index"}]}]}
        """;

    private readonly FakeWeChat _weChat = new();

    [Fact]
    public async Task CreateMenuAsync_JsonString_PostsButtonsLiterally()
    {
        _weChat.On("POST", "cgi-bin/menu/create", request =>
        {
            Assert.Equal(2, request.RequireArray("button").Count);
            Assert.Equal("最新一期", request.RequireString("button.0.name"));
            Assert.Equal("pages/index/index", request.RequireString("button.1.sub_button.3.pagepath"));
            return """{"errcode":0,"errmsg":"ok"}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        await client.CreateMenuAsync(SpecMenu, TestContext.Current.CancellationToken);

        Assert.Contains("\"最新一期\"", Assert.Single(_weChat.Requests).RawText);
    }

    [Fact]
    public async Task CreateMenuAsync_StringWithUnicodeEscapes_SentAsLiteralCharacters()
    {
        _weChat.On("POST", "cgi-bin/menu/create", _ => """{"errcode":0,"errmsg":"ok"}""");
        var (client, _) = _weChat.CreateApiClient();

        await client.CreateMenuAsync("""{"button":[{"type":"click","name":"\u6700\u65b0 \ud83d\ude00","key":"K"}]}""", TestContext.Current.CancellationToken);

        Assert.Contains("\"最新 😀\"", Assert.Single(_weChat.Requests).RawText);
    }

    [Fact]
    public async Task CreateMenuAsync_JsonNode_Posts()
    {
        _weChat.On("POST", "cgi-bin/menu/create", request =>
        {
            Assert.Equal("https://example.com/archive", request.RequireString("button.0.url"));
            return """{"errcode":0,"errmsg":"ok"}""";
        });
        var (client, _) = _weChat.CreateApiClient();
        var menu = new JsonObject { ["button"] = new JsonArray(new JsonObject { ["type"] = "view", ["name"] = "往期", ["url"] = "https://example.com/archive" }) };

        await client.CreateMenuAsync(menu, TestContext.Current.CancellationToken);

        Assert.Single(_weChat.Requests);
    }

    [Theory]
    [InlineData("""{"menu":[]}""")]
    [InlineData("[1,2]")]
    [InlineData("{not json")]
    public async Task CreateMenuAsync_NotAMenu_ThrowsArgumentExceptionWithoutRequest(string json)
    {
        var (client, _) = _weChat.CreateApiClient();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.CreateMenuAsync(json, TestContext.Current.CancellationToken));

        Assert.Empty(_weChat.Requests);
    }

    [Fact]
    public async Task CreateMenuAsync_MenuError_ThrowsRequestClass()
    {
        _weChat.On("POST", "cgi-bin/menu/create", _ => throw new FakeRejection(40018, "invalid button name size"));
        var (client, _) = _weChat.CreateApiClient();

        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.CreateMenuAsync(SpecMenu, TestContext.Current.CancellationToken));

        Assert.Equal(WeChatErrorClass.Request, e.Class);
    }

    [Fact]
    public async Task GetMenuAsync_MenuExists_ReturnsWholeAnswer()
    {
        _weChat.On("GET", "cgi-bin/menu/get", _ => $$"""{"menu":{{SpecMenu}}}""");
        var (client, _) = _weChat.CreateApiClient();

        var menu = await client.GetMenuAsync(TestContext.Current.CancellationToken);

        Assert.Equal("LATEST_ISSUE", menu!["menu"]!["button"]![0]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetMenuAsync_NoMenu_ReturnsNull()
    {
        _weChat.On("GET", "cgi-bin/menu/get", _ => throw new FakeRejection(46003, "menu no exist"));
        var (client, _) = _weChat.CreateApiClient();

        Assert.Null(await client.GetMenuAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DeleteMenuAsync_Success_SendsGetWithToken()
    {
        _weChat.On("GET", "cgi-bin/menu/delete", _ => """{"errcode":0,"errmsg":"ok"}""");
        var (client, _) = _weChat.CreateApiClient();

        await client.DeleteMenuAsync(TestContext.Current.CancellationToken);

        Assert.Equal("TOKEN-A", Assert.Single(_weChat.Requests).Query["access_token"]);
    }
}
