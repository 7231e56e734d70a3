using Subscription.WeChat.Api;

namespace Subscription.WeChat.Tests.Api;

public sealed class WeChatTokenClientTests
{
    private const string AppId = "wx1234567890abcdef";
    private const string Secret = "s3cr3t0123456789abcdef0123456789";

    private readonly FakeWeChat _weChat = new();

    private WeChatTokenClient Client => new(_weChat.CreateHttpClient());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task GetStableTokenAsync_Success_PostsCredentialsAndParsesToken(bool forceRefresh)
    {
        _weChat.On("POST", "cgi-bin/stable_token", request =>
        {
            Assert.Equal("client_credential", request.RequireString("grant_type"));
            Assert.Equal(AppId, request.RequireString("appid"));
            Assert.Equal(Secret, request.RequireString("secret"));
            Assert.Equal(forceRefresh, request.RequireBool("force_refresh"));
            Assert.Empty(request.Query);
            return """{"access_token":"STABLE-TOKEN","expires_in":345}""";
        });

        var token = await Client.GetStableTokenAsync(AppId, Secret, forceRefresh, TestContext.Current.CancellationToken);

        Assert.Equal(new AccessToken("STABLE-TOKEN", TimeSpan.FromSeconds(345)), token);
    }

    [Fact]
    public async Task GetTokenAsync_Success_SendsQueryAndParsesToken()
    {
        _weChat.On("GET", "cgi-bin/token", request =>
        {
            Assert.Equal("client_credential", request.RequireQuery("grant_type"));
            Assert.Equal(AppId, request.RequireQuery("appid"));
            Assert.Equal(Secret, request.RequireQuery("secret"));
            return """{"access_token":"CLASSIC-TOKEN","expires_in":7200}""";
        });

        var token = await Client.GetTokenAsync(AppId, Secret, TestContext.Current.CancellationToken);

        Assert.Equal("CLASSIC-TOKEN", token.Value);
        Assert.Equal(TimeSpan.FromHours(2), token.ExpiresIn);
    }

    [Theory]
    [InlineData(40125, WeChatErrorClass.Configuration)]
    [InlineData(40164, WeChatErrorClass.Configuration)]
    [InlineData(61004, WeChatErrorClass.Configuration)]
    [InlineData(40001, WeChatErrorClass.Configuration)]
    [InlineData(-1, WeChatErrorClass.Busy)]
    public async Task GetStableTokenAsync_ErrCode_ThrowsClassifiedApiException(int errCode, WeChatErrorClass expected)
    {
        _weChat.On("POST", "cgi-bin/stable_token", _ => throw new FakeRejection(errCode, "failed"));

        var e = await Assert.ThrowsAsync<WeChatApiException>(
            () => Client.GetStableTokenAsync(AppId, Secret, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(errCode, e.ErrCode);
        Assert.Equal(expected, e.Class);
        Assert.Contains(FakeWeChat.Rid, e.ErrMsg);
    }

    [Fact]
    public async Task GetTokenAsync_ErrMsgEchoesSecret_SecretRedacted()
    {
        _weChat.On("GET", "cgi-bin/token", request => throw new FakeRejection(40125, $"invalid appsecret {request.RequireQuery("secret")}"));

        var e = await Assert.ThrowsAsync<WeChatApiException>(() => Client.GetTokenAsync(AppId, Secret, TestContext.Current.CancellationToken));

        Assert.Equal(40125, e.ErrCode);
        Assert.DoesNotContain(Secret, e.ToString());
        Assert.DoesNotContain(Secret, e.ErrMsg);
    }

    [Fact]
    public async Task GetTokenAsync_HandlerThrowsWithUri_SecretNotInException()
    {
        _weChat.OnRaw("GET", "cgi-bin/token", request =>
            throw new HttpRequestException($"connection reset while sending https://api.weixin.qq.com/cgi-bin/token?{string.Join("&", request.Query.Select(q => $"{q.Key}={q.Value}"))}"));

        var e = await Assert.ThrowsAsync<WeChatTransportException>(() => Client.GetTokenAsync(AppId, Secret, TestContext.Current.CancellationToken));

        Assert.Equal(WeChatErrorClass.Busy, e.Class);
        Assert.DoesNotContain(Secret, e.ToString());
    }

    [Fact]
    public async Task GetStableTokenAsync_ServerError_TransportExceptionWithoutSecret()
    {
        _weChat.OnRaw("POST", "cgi-bin/stable_token", _ => new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway));

        var e = await Assert.ThrowsAsync<WeChatTransportException>(
            () => Client.GetStableTokenAsync(AppId, Secret, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(System.Net.HttpStatusCode.BadGateway, e.StatusCode);
        Assert.DoesNotContain(Secret, e.ToString());
    }

    [Fact]
    public async Task GetStableTokenAsync_NoAccessTokenInBody_ThrowsMalformed()
    {
        _weChat.On("POST", "cgi-bin/stable_token", _ => """{"expires_in":7200}""");

        var e = await Assert.ThrowsAsync<WeChatTransportException>(
            () => Client.GetStableTokenAsync(AppId, Secret, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(WeChatErrorClass.Unknown, e.Class);
    }

    [Fact]
    public void AccessToken_ToString_HidesValue()
    {
        var text = new AccessToken("VERY-SECRET-TOKEN", TimeSpan.FromSeconds(7200)).ToString();

        Assert.DoesNotContain("VERY-SECRET-TOKEN", text);
        Assert.Contains("02:00:00", text);
    }
}
