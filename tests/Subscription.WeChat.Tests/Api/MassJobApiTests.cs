using Subscription.WeChat.Api;

namespace Subscription.WeChat.Tests.Api;

public sealed class MassJobApiTests
{
    private readonly FakeWeChat _weChat = new();

    [Fact]
    public async Task PreviewMassAsync_OpenId_PostsSingleTouser()
    {
        _weChat.On("POST", "cgi-bin/message/mass/preview", request =>
        {
            Assert.Equal("o_editor", request.RequireString("touser"));
            request.RequireAbsent("towxname");
            Assert.Equal("DRAFT_MEDIA_ID", request.RequireString("mpnews.media_id"));
            Assert.Equal("mpnews", request.RequireString("msgtype"));
            return """{"errcode":0,"errmsg":"preview success","msg_id":34182}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        await client.PreviewMassAsync("o_editor", MassContent.News("DRAFT_MEDIA_ID"), TestContext.Current.CancellationToken);

        Assert.Single(_weChat.Requests);
    }

    [Fact]
    public async Task PreviewMassToWeChatNameAsync_WeChatId_PostsTowxname()
    {
        _weChat.On("POST", "cgi-bin/message/mass/preview", request =>
        {
            Assert.Equal("editor_wx", request.RequireString("towxname"));
            request.RequireAbsent("touser");
            Assert.Equal("预览", request.RequireString("text.content"));
            return """{"errcode":0,"errmsg":"preview success"}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        await client.PreviewMassToWeChatNameAsync("editor_wx", MassContent.Text("预览"), TestContext.Current.CancellationToken);

        Assert.Single(_weChat.Requests);
    }

    [Theory]
    [InlineData("SEND_SUCCESS", MassJobState.Succeeded)]
    [InlineData("SENDING", MassJobState.Sending)]
    [InlineData("SEND_FAIL", MassJobState.Failed)]
    [InlineData("DELETE", MassJobState.Deleted)]
    [InlineData("SOMETHING_NEW", MassJobState.Unknown)]
    public async Task GetMassStatusAsync_Status_SendsStringIdAndParsesState(string status, MassJobState expected)
    {
        _weChat.On("POST", "cgi-bin/message/mass/get", request =>
        {
            Assert.Equal("5000000000777", request.RequireString("msg_id"));
            return $$"""{"msg_id":5000000000777,"msg_status":"{{status}}"}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        var job = await client.GetMassStatusAsync(5000000000777L, TestContext.Current.CancellationToken);

        Assert.Equal(5000000000777L, job.MsgId);
        Assert.Equal(expected, job.State);
        Assert.Equal(status, job.RawStatus);
    }

    [Fact]
    public async Task DeleteMassAsync_ArticleIndex_PostsNumericIds()
    {
        _weChat.On("POST", "cgi-bin/message/mass/delete", request =>
        {
            Assert.Equal(5000000000777L, request.RequireNumber("msg_id"));
            Assert.Equal(2, request.RequireNumber("article_idx"));
            return """{"errcode":0,"errmsg":"ok"}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        await client.DeleteMassAsync(5000000000777L, 2, TestContext.Current.CancellationToken);

        Assert.Single(_weChat.Requests);
    }
}
