using System.Text;
using Subscription.WeChat.Api;

namespace Subscription.WeChat.Tests.Api;

public sealed class CustomMessageApiTests
{
    private readonly FakeWeChat _weChat = new();

    [Fact]
    public async Task SendCustomTextAsync_ChineseEmojiAndHtml_SentLiterallyAndIntact()
    {
        const string Content = "正文 😀👍🏽 <a href=\"https://example.com/?a=1&b=2\">链接</a>\n第二行 \u2028 C:\\users\\u0041 'q' +";
        _weChat.On("POST", "cgi-bin/message/custom/send", request =>
        {
            Assert.Equal("o_follower", request.RequireString("touser"));
            Assert.Equal("text", request.RequireString("msgtype"));
            Assert.Equal(Content, request.RequireString("text.content"));
            return """{"errcode":0,"errmsg":"ok"}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        await client.SendCustomTextAsync("o_follower", Content, TestContext.Current.CancellationToken);

        var raw = Assert.Single(_weChat.Requests).RawBody;
        Assert.False(JsonEscapes.ContainsUnicodeEscape(raw));
        Assert.True(raw.AsSpan().IndexOf("😀👍🏽"u8) >= 0);
        Assert.True(raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes("正文")) >= 0);
        Assert.True(raw.AsSpan().IndexOf("<a href=\\\"https://example.com/?a=1&b=2\\\">"u8) >= 0);
    }

    [Fact]
    public async Task SendCustomTextAsync_ControlCharacter_StaysEscapedAsJsonRequires()
    {
        _weChat.On("POST", "cgi-bin/message/custom/send", request =>
        {
            Assert.Equal("a\u0001b", request.RequireString("text.content"));
            return """{"errcode":0,"errmsg":"ok"}""";
        });
        var (client, _) = _weChat.CreateApiClient();

        // The one escape JSON cannot avoid; WeChat would answer 40033 (§6.3), which is the caller's input problem.
        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendCustomTextAsync("o_follower", "a\u0001b", TestContext.Current.CancellationToken));

        Assert.Equal(40033, e.ErrCode);
        Assert.Equal(WeChatErrorClass.Request, e.Class);
    }

    [Fact]
    public async Task SendCustomNewsAsync_OneArticle_PostsNewsWithSingleArticle()
    {
        _weChat.On("POST", "cgi-bin/message/custom/send", request =>
        {
            Assert.Equal("news", request.RequireString("msgtype"));
            Assert.Single(request.RequireArray("news.articles"));
            Assert.Equal("第42期 🎉", request.RequireString("news.articles.0.title"));
            Assert.Equal("本期摘要", request.RequireString("news.articles.0.description"));
            Assert.Equal("https://example.com/issue/42", request.RequireString("news.articles.0.url"));
            Assert.Equal("https://example.com/cover.jpg", request.RequireString("news.articles.0.picurl"));
            return """{"errcode":0,"errmsg":"ok"}""";
        });
        var (client, _) = _weChat.CreateApiClient();
        var article = new NewsArticle("第42期 🎉", "本期摘要", "https://example.com/cover.jpg", "https://example.com/issue/42");

        await client.SendCustomNewsAsync("o_follower", article, TestContext.Current.CancellationToken);

        Assert.Single(_weChat.Requests);
    }

    [Theory]
    [InlineData(43004, true)]
    [InlineData(50005, true)]
    [InlineData(46004, true)]
    [InlineData(43019, false)]
    [InlineData(48002, false)]
    [InlineData(45015, false)]
    [InlineData(45047, false)]
    public async Task SendCustomTextAsync_RecipientError_ThrowsRecipientWithGoneFlagAndRid(int errCode, bool gone)
    {
        _weChat.On("POST", "cgi-bin/message/custom/send", _ => throw new FakeRejection(errCode, "recipient problem"));
        var (client, _) = _weChat.CreateApiClient();

        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendCustomTextAsync("o_follower", "hi", TestContext.Current.CancellationToken));

        Assert.Equal(WeChatErrorClass.Recipient, e.Class);
        Assert.Equal(gone, e.IsFollowerGone);
        Assert.EndsWith(FakeWeChat.Rid, e.ErrMsg);
        Assert.Contains(FakeWeChat.Rid, e.Message);
    }

    [Fact]
    public async Task SendCustomTextAsync_UnlistedErrCode_ThrowsUnknown()
    {
        _weChat.On("POST", "cgi-bin/message/custom/send", _ => throw new FakeRejection(99999, "something new"));
        var (client, _) = _weChat.CreateApiClient();

        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.SendCustomTextAsync("o_follower", "hi", TestContext.Current.CancellationToken));

        Assert.Equal(WeChatErrorClass.Unknown, e.Class);
    }
}
