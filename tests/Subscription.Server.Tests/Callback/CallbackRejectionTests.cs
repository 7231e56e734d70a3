using System.Globalization;
using System.Net;
using System.Text;
using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChat;

namespace Subscription.Server.Tests.Callback;

/// <summary>What must be refused, with the right status, leaving no trace in the store.</summary>
[Trait("Category", "Storage")]
public sealed class CallbackRejectionTests(StoreFixture store) : IAsyncLifetime
{
    private readonly ServerFactory _server = new(store);
    private HttpClient _client = null!;
    private AdminApi _admin = null!;

    public ValueTask InitializeAsync()
    {
        _client = _server.CreateClient();
        _admin = new AdminApi(_server.CreateAdminClient());
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AssertNothingChangedAsync(string openId)
    {
        Assert.Null(await _admin.SubscriberAsync(openId));
        var stats = await _admin.StatsAsync();
        Assert.Equal(0, stats.GetProperty("active").GetInt64());
        Assert.Equal(0, stats.GetProperty("followsToday").GetInt64());
    }

    private Task<HttpResponseMessage> PostRawAsync(string body, long? timestamp = null, string? nonce = null)
    {
        var ts = (timestamp ?? WeChatSender.Now).ToString(CultureInfo.InvariantCulture);
        nonce ??= WeChatSender.NewNonce();
        var signature = Signature.Compute(TestAccount.Token, ts, nonce);
        return _client.PostAsync($"/wechat?signature={signature}&timestamp={ts}&nonce={nonce}", new StringContent(body, Encoding.UTF8, "text/xml"));
    }

    [Fact]
    public async Task Post_WrongToken_Unauthorized()
    {
        var wechat = new WeChatSender(_client);
        using var response = await wechat.PostAsync(CallbackXml.Subscribe("oWrongToken", WeChatSender.Now), token: "SomeOtherToken");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("signature", await response.Content.ReadAsStringAsync());
        await AssertNothingChangedAsync("oWrongToken");
    }

    [Fact]
    public async Task Post_MissingSignature_Unauthorized()
    {
        using var response = await _client.PostAsync("/wechat", new StringContent(CallbackXml.Subscribe("oNoSig", WeChatSender.Now)));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingChangedAsync("oNoSig");
    }

    [Theory]
    [InlineData(-330)]
    [InlineData(330)]
    public async Task Post_TimestampOutsideWindow_Unauthorized(int offsetSeconds)
    {
        var wechat = new WeChatSender(_client);
        using var response = await wechat.PostAsync(CallbackXml.Subscribe("oStale", WeChatSender.Now), timestamp: WeChatSender.Now + offsetSeconds);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("timestamp", await response.Content.ReadAsStringAsync());
        await AssertNothingChangedAsync("oStale");
    }

    [Fact]
    public async Task Post_NonceReusedForAnotherMessage_Unauthorized()
    {
        var wechat = new WeChatSender(_client);
        var nonce = WeChatSender.NewNonce();
        using var first = await wechat.PostAsync(CallbackXml.Text("oFirst", WeChatSender.Now, "hello", 1), nonce);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var replay = await wechat.PostAsync(CallbackXml.Subscribe("oReplay", WeChatSender.Now), nonce);

        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Contains("nonce", await replay.Content.ReadAsStringAsync());
        Assert.Null(await _admin.SubscriberAsync("oReplay"));
        Assert.Equal(0, (await _admin.StatsAsync()).GetProperty("followsToday").GetInt64());
    }

    [Fact]
    public async Task Post_XxePayload_BadRequest()
    {
        var secret = Path.GetTempFileName();
        await File.WriteAllTextAsync(secret, "oLeaked", TestContext.Current.CancellationToken);
        var xxe = $"""
            <?xml version="1.0"?>
            <!DOCTYPE xml [<!ENTITY who SYSTEM "file://{secret}">]>
            <xml><ToUserName>gh_x</ToUserName><FromUserName>&who;</FromUserName><CreateTime>{WeChatSender.Now}</CreateTime>
            <MsgType>event</MsgType><Event>subscribe</Event></xml>
            """;

        using var response = await PostRawAsync(xxe);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("oLeaked", await response.Content.ReadAsStringAsync());
        await AssertNothingChangedAsync("oLeaked");
        File.Delete(secret);
    }

    [Fact]
    public async Task Post_EntityExpansion_BadRequest()
    {
        var bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
            <xml><ToUserName>gh_x</ToUserName><FromUserName>oBomb</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&c;</Content><MsgId>1</MsgId></xml>
            """;
        using var response = await PostRawAsync(bomb);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingChangedAsync("oBomb");
    }

    [Fact]
    public async Task Post_OneMebibyteBody_PayloadTooLarge()
    {
        var padding = new string('x', 1024 * 1024);
        using var response = await PostRawAsync(CallbackXml.Text("oHuge", WeChatSender.Now, padding, 7));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingChangedAsync("oHuge");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not xml at all")]
    [InlineData("<xml><ToUserName>gh</ToUserName>")]
    [InlineData("<root><FromUserName>oGarbage</FromUserName></root>")]
    [InlineData("<xml><ToUserName>gh</ToUserName><FromUserName>oGarbage</FromUserName><CreateTime>soon</CreateTime><MsgType>event</MsgType><Event>subscribe</Event></xml>")]
    public async Task Post_Garbage_BadRequest(string body)
    {
        using var response = await PostRawAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingChangedAsync("oGarbage");
    }

    [Fact]
    public async Task Post_InvalidUtf8_BadRequest()
    {
        var ts = WeChatSender.Now.ToString(CultureInfo.InvariantCulture);
        var signature = Signature.Compute(TestAccount.Token, ts, "1");
        using var content = new ByteArrayContent([0x3c, 0x78, 0xff, 0xfe, 0x3e]);
        using var response = await _client.PostAsync($"/wechat?signature={signature}&timestamp={ts}&nonce=1", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_ValidSignature_EchoesEchostr()
    {
        var ts = WeChatSender.Now.ToString(CultureInfo.InvariantCulture);
        var signature = Signature.Compute(TestAccount.Token, ts, "486452656");
        using var response = await _client.GetAsync($"/wechat?signature={signature}&timestamp={ts}&nonce=486452656&echostr=5837397749205167");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("5837397749205167", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_BadSignature_UnauthorizedWithoutEcho()
    {
        var ts = WeChatSender.Now.ToString(CultureInfo.InvariantCulture);
        var signature = Signature.Compute("WrongToken", ts, "486452656");
        using var response = await _client.GetAsync($"/wechat?signature={signature}&timestamp={ts}&nonce=486452656&echostr=5837397749205167");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("5837397749205167", await response.Content.ReadAsStringAsync());
    }
}
