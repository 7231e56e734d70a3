using Subscription.WeChat.Api;

namespace Subscription.WeChat.Tests.Api;

public sealed class TokenRetryTests
{
    private readonly FakeWeChat _weChat = new() { CurrentToken = "TOKEN-NEW" };

    [Theory]
    [InlineData(40001)]
    [InlineData(40014)]
    [InlineData(42001)]
    public async Task Call_TokenRejectedOnce_InvalidatesFailedTokenAndRetriesWithFreshOne(int errCode)
    {
        var attempts = 0;
        _weChat.On("POST", "cgi-bin/message/custom/send", request =>
        {
            Assert.Equal("你好 😀", request.RequireString("text.content"));
            return ++attempts == 1 ? throw new FakeRejection(errCode, "token rejected") : """{"errcode":0,"errmsg":"ok"}""";
        });
        var (client, tokens) = _weChat.CreateApiClient();

        await client.SendCustomTextAsync("o_follower", "你好 😀", TestContext.Current.CancellationToken);

        Assert.Equal(["TOKEN-NEW"], tokens.Invalidated);
        Assert.Equal(2, _weChat.Requests.Count);
        Assert.Equal(_weChat.Requests[0].RawBody, _weChat.Requests[1].RawBody);
    }

    [Fact]
    public async Task Call_StaleCachedToken_RetriedWithRefreshedToken()
    {
        _weChat.On("GET", "cgi-bin/menu/delete", _ => """{"errcode":0,"errmsg":"ok"}""");
        var (client, tokens) = _weChat.CreateApiClient();
        tokens.Cached = "TOKEN-OLD";

        await client.DeleteMenuAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["TOKEN-OLD"], tokens.Invalidated);
        Assert.Equal(["TOKEN-OLD", "TOKEN-NEW"], _weChat.Requests.Select(r => r.Query["access_token"]));
    }

    [Fact]
    public async Task Upload_TokenRejectedOnce_MultipartBodyRebuiltForRetry()
    {
        _weChat.On("POST", "cgi-bin/media/uploadimg", request =>
        {
            Assert.Equal([1, 2, 3], request.RequireFile().Bytes);
            return """{"url":"http://mmbiz.qpic.cn/x"}""";
        });
        var (client, tokens) = _weChat.CreateApiClient();
        tokens.Cached = "TOKEN-OLD";

        var url = await client.UploadArticleImageAsync("a.png", new byte[] { 1, 2, 3 }, TestContext.Current.CancellationToken);

        Assert.Equal("http://mmbiz.qpic.cn/x", url);
        Assert.Equal(2, _weChat.Requests.Count);
    }

    [Fact]
    public async Task Call_TokenRejectedTwice_ThrowsTokenInvalidAfterOneRetry()
    {
        // Another system keeps rotating the token (§6.1): every answer says "not latest".
        _weChat.On("POST", "cgi-bin/message/custom/send", _ => throw new FakeRejection(40001, "invalid credential, access_token is invalid or not latest"));
        var (client, tokens) = _weChat.CreateApiClient();

        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendCustomTextAsync("o_follower", "hi", TestContext.Current.CancellationToken));

        Assert.Equal(WeChatErrorClass.TokenInvalid, e.Class);
        Assert.Equal(2, _weChat.Requests.Count);
        Assert.Single(tokens.Invalidated);
    }

    [Fact]
    public async Task Call_OtherError_NoInvalidationNoRetry()
    {
        _weChat.On("POST", "cgi-bin/message/custom/send", _ => throw new FakeRejection(-1, "system error"));
        var (client, tokens) = _weChat.CreateApiClient();

        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendCustomTextAsync("o_follower", "hi", TestContext.Current.CancellationToken));

        Assert.Equal(WeChatErrorClass.Busy, e.Class);
        Assert.Single(_weChat.Requests);
        Assert.Empty(tokens.Invalidated);
    }

    [Fact]
    public async Task Call_MissingToken_Rejected41001AsRequest()
    {
        _weChat.On("GET", "cgi-bin/tags/get", _ => """{"tags":[]}""");
        var (client, tokens) = _weChat.CreateApiClient();
        tokens.Cached = "";

        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.GetTagsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(41001, e.ErrCode);
        Assert.Equal(WeChatErrorClass.Request, e.Class);
    }
}
