using Subscription.WeChat.Api;

namespace Subscription.WeChat.Tests.Api;

public sealed class MassSendApiTests
{
    private const string Accepted = """{"errcode":0,"errmsg":"send job submission success","msg_id":3147483648001,"msg_data_id":2247483647}""";

    private readonly FakeWeChat _weChat = new();

    [Fact]
    public async Task SendMassToAllAsync_News_PostsFilterToAllAndReturns64BitIds()
    {
        _weChat.On("POST", "cgi-bin/message/mass/sendall", request =>
        {
            Assert.True(request.RequireBool("filter.is_to_all"));
            request.RequireAbsent("filter.tag_id");
            Assert.Equal("mpnews", request.RequireString("msgtype"));
            Assert.Equal("DRAFT_MEDIA_ID", request.RequireString("mpnews.media_id"));
            Assert.Equal(0, request.RequireFlag("send_ignore_reprint"));
            Assert.Equal("issue-42-all", request.RequireString("clientmsgid"));
            request.RequireAbsent("text");
            return Accepted;
        });
        var (client, _) = _weChat.CreateApiClient();

        var result = await client.SendMassToAllAsync(MassContent.News("DRAFT_MEDIA_ID"), "issue-42-all", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(new MassSendResult(3147483648001L, 2247483647L), result);
        Assert.False(result.AlreadySent);
    }

    [Fact]
    public async Task SendMassToTagAsync_Text_PostsTagFilterAndText()
    {
        _weChat.On("POST", "cgi-bin/message/mass/sendall", request =>
        {
            Assert.False(request.RequireBool("filter.is_to_all"));
            Assert.Equal(134, request.RequireNumber("filter.tag_id"));
            Assert.Equal("text", request.RequireString("msgtype"));
            Assert.Equal("新一期已发布 📰", request.RequireString("text.content"));
            Assert.Equal(1, request.RequireFlag("send_ignore_reprint"));
            request.RequireAbsent("clientmsgid");
            return """{"errcode":0,"errmsg":"send job submission success","msg_id":34182}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        var result = await client.SendMassToTagAsync(134, MassContent.Text("新一期已发布 📰"), sendIgnoreReprint: true,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(new MassSendResult(34182, null), result);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(WeChatApiClient.MaxMassSendOpenIds)]
    public async Task SendMassToOpenIdsAsync_ValidCount_PostsToUserList(int count)
    {
        _weChat.On("POST", "cgi-bin/message/mass/send", request =>
        {
            Assert.Equal(count, request.RequireStrings("touser").Count);
            request.RequireAbsent("filter");
            Assert.Equal("DRAFT_MEDIA_ID", request.RequireString("mpnews.media_id"));
            return Accepted;
        });
        var (client, _) = _weChat.CreateApiClient();

        var result = await client.SendMassToOpenIdsAsync(UserApiTests.OpenIds(count), MassContent.News("DRAFT_MEDIA_ID"), "k",
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3147483648001L, result.MsgId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(WeChatApiClient.MaxMassSendOpenIds + 1)]
    public async Task SendMassToOpenIdsAsync_CountOutOfRange_ThrowsBeforeAnyRequest(int count)
    {
        var (client, tokens) = _weChat.CreateApiClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendMassToOpenIdsAsync(UserApiTests.OpenIds(count), MassContent.Text("x"),
            cancellationToken: TestContext.Current.CancellationToken));

        Assert.Empty(_weChat.Requests);
        Assert.Null(tokens.Cached);
    }

    [Fact]
    public async Task SendMassToAllAsync_ClientMsgIdOver64Bytes_ThrowsBeforeAnyRequest()
    {
        var (client, _) = _weChat.CreateApiClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.SendMassToAllAsync(MassContent.Text("x"), new string('期', 22),
            cancellationToken: TestContext.Current.CancellationToken));

        Assert.Empty(_weChat.Requests);
    }

    [Theory]
    [InlineData("msgid")]
    [InlineData("msg_id")]
    public async Task SendMassToTagAsync_ClientMsgIdAlreadyUsed_ReturnsAlreadySentWithExistingJob(string idField)
    {
        _weChat.On("POST", "cgi-bin/message/mass/sendall", _ =>
            $$"""{"errcode":45065,"errmsg":"clientmsgid exist {{FakeWeChat.Rid}}","{{idField}}":5000000000777}""");
        var (client, _) = _weChat.CreateApiClient();

        var result = await client.SendMassToTagAsync(134, MassContent.News("M"), "issue-42-tag-134", cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.AlreadySent);
        Assert.Equal(5000000000777L, result.MsgId);
    }

    [Fact]
    public async Task SendMassToTagAsync_AlreadyUsedWithoutJobId_ThrowsDuplicate()
    {
        _weChat.On("POST", "cgi-bin/message/mass/sendall", _ => throw new FakeRejection(45065, "clientmsgid exist"));
        var (client, _) = _weChat.CreateApiClient();

        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendMassToTagAsync(134, MassContent.News("M"), "k",
            cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(WeChatErrorClass.Duplicate, e.Class);
    }

    [Theory]
    [InlineData(45066, WeChatErrorClass.Duplicate)]
    [InlineData(45028, WeChatErrorClass.QuotaExhausted)]
    [InlineData(45009, WeChatErrorClass.QuotaExhausted)]
    [InlineData(40130, WeChatErrorClass.Request)]
    [InlineData(48001, WeChatErrorClass.Configuration)]
    [InlineData(-1, WeChatErrorClass.Busy)]
    public async Task SendMassToAllAsync_ErrCode_ThrowsClassified(int errCode, WeChatErrorClass expected)
    {
        _weChat.On("POST", "cgi-bin/message/mass/sendall", _ => throw new FakeRejection(errCode, "failed"));
        var (client, _) = _weChat.CreateApiClient();

        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendMassToAllAsync(MassContent.News("M"), "k",
            cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(expected, e.Class);
    }
}
