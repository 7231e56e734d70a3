using Subscription.WeChat.Api;

namespace Subscription.WeChat.Tests.Api;

public sealed class TemplateApiTests
{
    private readonly FakeWeChat _weChat = new();

    [Fact]
    public async Task SendTemplateAsync_FullMessage_PostsSpecShapeAndReturns64BitMsgId()
    {
        _weChat.On("POST", "cgi-bin/message/template/send", request =>
        {
            Assert.Equal("o_follower", request.RequireString("touser"));
            Assert.Equal("TEMPLATE_ID", request.RequireString("template_id"));
            Assert.Equal("https://example.com/issue/42", request.RequireString("url"));
            Assert.Equal("MINIAPP_APPID", request.RequireString("miniprogram.appid"));
            Assert.Equal("pages/issue?id=42", request.RequireString("miniprogram.pagepath"));
            Assert.Equal("issue42-o_follower", request.RequireString("client_msg_id"));
            Assert.Equal("第42期", request.RequireString("data.thing1.value"));
            Assert.Equal("2024年5月4日", request.RequireString("data.time2.value"));
            return """{"errcode":0,"errmsg":"ok","msgid":5000000000123}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        var msgId = await client.SendTemplateAsync(new TemplateMessage
        {
            ToUser = "o_follower",
            TemplateId = "TEMPLATE_ID",
            Url = "https://example.com/issue/42",
            MiniProgram = new TemplateMiniProgram("MINIAPP_APPID", "pages/issue?id=42"),
            ClientMsgId = "issue42-o_follower",
            Data = new Dictionary<string, string> { ["thing1"] = "第42期", ["time2"] = "2024年5月4日" },
        }, TestContext.Current.CancellationToken);

        Assert.Equal(5000000000123L, msgId);
    }

    [Fact]
    public async Task SendTemplateAsync_OptionalFieldsUnset_OmittedFromBody()
    {
        _weChat.On("POST", "cgi-bin/message/template/send", request =>
        {
            request.RequireAbsent("url");
            request.RequireAbsent("miniprogram");
            request.RequireAbsent("client_msg_id");
            request.RequireObject("data");
            return """{"errcode":0,"errmsg":"ok","msgid":200228332}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        var msgId = await client.SendTemplateAsync(new TemplateMessage
        {
            ToUser = "o_follower",
            TemplateId = "TEMPLATE_ID",
            Data = new Dictionary<string, string> { ["thing1"] = "x" },
        }, TestContext.Current.CancellationToken);

        Assert.Equal(200228332L, msgId);
    }

    [Fact]
    public async Task SendTemplateAsync_BadTemplateId_ThrowsConfiguration()
    {
        _weChat.On("POST", "cgi-bin/message/template/send", _ => throw new FakeRejection(40037, "invalid template_id"));
        var (client, _) = _weChat.CreateApiClient();

        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendTemplateAsync(new TemplateMessage
        {
            ToUser = "o_follower",
            TemplateId = "BAD",
            Data = new Dictionary<string, string>(),
        }, TestContext.Current.CancellationToken));

        Assert.Equal(WeChatErrorClass.Configuration, e.Class);
    }
}
