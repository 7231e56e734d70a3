using System.Net;
using Subscription.WeChat.Api;

namespace Subscription.WeChat.Tests.Api;

public sealed class TransportErrorTests
{
    private readonly FakeWeChat _weChat = new();

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Call_ServerErrorStatus_ThrowsBusyTransportExceptionWithoutTokenRetry(HttpStatusCode status)
    {
        _weChat.OnRaw("GET", "cgi-bin/tags/get", _ => new HttpResponseMessage(status));
        var (client, tokens) = _weChat.CreateApiClient();

        var e = await Assert.ThrowsAsync<WeChatTransportException>(() => client.GetTagsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(status, e.StatusCode);
        Assert.Equal(WeChatErrorClass.Busy, e.Class);
        Assert.Single(_weChat.Requests);
        Assert.Empty(tokens.Invalidated);
        Assert.DoesNotContain("TOKEN-A", e.ToString());
    }

    [Fact]
    public async Task Call_UnknownPath_ThrowsConfigurationTransportException()
    {
        var (client, _) = _weChat.CreateApiClient();

        var e = await Assert.ThrowsAsync<WeChatTransportException>(() => client.GetTagsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Equal(WeChatErrorClass.Configuration, e.Class);
    }

    [Fact]
    public async Task Call_HttpClientTimeout_ThrowsBusyTransportException()
    {
        _weChat.On("GET", "cgi-bin/tags/get", _ => """{"tags":[]}""");
        _weChat.Latency = TimeSpan.FromSeconds(10);
        var http = _weChat.CreateHttpClient();
        http.Timeout = TimeSpan.FromMilliseconds(50);
        var client = new WeChatApiClient(http, new FakeTokenProvider(_weChat));

        var e = await Assert.ThrowsAsync<WeChatTransportException>(() => client.GetTagsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(WeChatErrorClass.Busy, e.Class);
        Assert.Null(e.StatusCode);
    }

    [Fact]
    public async Task Call_CallerCancels_ThrowsOperationCanceled()
    {
        _weChat.On("GET", "cgi-bin/tags/get", _ => """{"tags":[]}""");
        var (client, _) = _weChat.CreateApiClient();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetTagsAsync(cancellation.Token));
    }

    [Fact]
    public async Task Call_ConnectionFailure_ThrowsBusyTransportExceptionWithInner()
    {
        _weChat.OnRaw("GET", "cgi-bin/tags/get", _ => throw new HttpRequestException("Connection refused (api.weixin.qq.com:443)"));
        var (client, _) = _weChat.CreateApiClient();

        var e = await Assert.ThrowsAsync<WeChatTransportException>(() => client.GetTagsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(WeChatErrorClass.Busy, e.Class);
        Assert.IsType<HttpRequestException>(e.InnerException);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("""{"errcode":0""")]
    [InlineData("""{"errcode":0} {}""")]
    [InlineData("""{"errcode":"40001","errmsg":"invalid credential"}""")]
    [InlineData("""{"errcode":4294967296,"errmsg":"too large"}""")]
    [InlineData("""{"errcode":1.5}""")]
    [InlineData("""{"errcode":0,"errmsg":7}""")]
    [InlineData("""{"errcode":0,"errmsg":"ok",}""")]
    public async Task Call_BodyNotJsonObject_ThrowsUnknownTransportException(string body)
    {
        _weChat.OnRaw("GET", "cgi-bin/tags/get", _ => FakeWeChat.Json(body));
        var (client, _) = _weChat.CreateApiClient();

        var e = await Assert.ThrowsAsync<WeChatTransportException>(() => client.GetTagsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(WeChatErrorClass.Unknown, e.Class);
    }

    [Fact]
    public async Task Call_ErrCodeAfterNestedValues_IsRead()
    {
        _weChat.On("GET", "cgi-bin/tags/get", _ => """{"tags":[{"errcode":0,"x":{"errcode":0}}],"\u0065rrcode":45009,"errmsg":"reach max api daily quota limit"}""");
        var (client, _) = _weChat.CreateApiClient();

        var e = await Assert.ThrowsAsync<WeChatApiException>(() => client.GetTagsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(45009, e.ErrCode);
        Assert.Equal("reach max api daily quota limit", e.ErrMsg);
    }

    [Fact]
    public async Task Call_SuccessWithoutErrCode_Parsed()
    {
        _weChat.On("GET", "cgi-bin/tags/get", _ => """{"tags":[{"id":134,"name":"weekly","count":1}]}""");
        var (client, _) = _weChat.CreateApiClient();

        Assert.Single(await client.GetTagsAsync(TestContext.Current.CancellationToken));
    }
}
