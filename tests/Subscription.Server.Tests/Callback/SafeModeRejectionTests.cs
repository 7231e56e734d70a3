using System.Globalization;
using System.Net;
using System.Text;
using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChat;

namespace Subscription.Server.Tests.Callback;

[Trait("Category", "Storage")]
public sealed class SafeModeRejectionTests(StoreFixture store) : IAsyncLifetime
{
    private readonly ServerFactory _server = new(store);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<HttpResponseMessage> PostEncryptedAsync(string encrypt, string? msgSignature = null)
    {
        var ts = WeChatSender.Now.ToString(CultureInfo.InvariantCulture);
        var nonce = WeChatSender.NewNonce();
        msgSignature ??= Signature.Compute(TestAccount.Token, ts, nonce, encrypt);
        var body = $"<xml><ToUserName><![CDATA[{TestAccount.OriginalId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        return await _server.CreateClient().PostAsync(
            $"/wechat?signature=ignored&timestamp={ts}&nonce={nonce}&encrypt_type=aes&msg_signature={msgSignature}",
            new StringContent(body, Encoding.UTF8, "text/xml"));
    }

    private async Task AssertNotStoredAsync(string openId) =>
        Assert.Null(await new AdminApi(_server.CreateAdminClient()).SubscriberAsync(openId));

    [Fact]
    public async Task Post_EncryptedForAnotherAppId_BadRequest()
    {
        var foreign = new MessageCrypto(TestAccount.Token, TestAccount.EncodingAesKey, "wxSomeoneElse0000");
        using var response = await PostEncryptedAsync(foreign.Encrypt(CallbackXml.Subscribe("oForeign", WeChatSender.Now)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNotStoredAsync("oForeign");
    }

    [Fact]
    public async Task Post_BadMsgSignature_Unauthorized()
    {
        var crypto = new MessageCrypto(TestAccount.Token, TestAccount.EncodingAesKey, TestAccount.AppId);
        var encrypt = crypto.Encrypt(CallbackXml.Subscribe("oBadMsgSig", WeChatSender.Now));
        using var response = await PostEncryptedAsync(encrypt, msgSignature: new string('0', 40));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNotStoredAsync("oBadMsgSig");
    }

    [Fact]
    public async Task Post_TamperedCiphertext_BadRequest()
    {
        var crypto = new MessageCrypto(TestAccount.Token, TestAccount.EncodingAesKey, TestAccount.AppId);
        var bytes = Convert.FromBase64String(crypto.Encrypt(CallbackXml.Subscribe("oTampered", WeChatSender.Now)));
        bytes[^20] ^= 0x5a;
        using var response = await PostEncryptedAsync(Convert.ToBase64String(bytes));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNotStoredAsync("oTampered");
    }

    [Fact]
    public async Task Post_EnvelopeWithoutEncrypt_BadRequest()
    {
        var ts = WeChatSender.Now.ToString(CultureInfo.InvariantCulture);
        using var response = await _server.CreateClient().PostAsync(
            $"/wechat?signature=x&timestamp={ts}&nonce=1&encrypt_type=aes&msg_signature=x",
            new StringContent("<xml><ToUserName>gh</ToUserName></xml>", Encoding.UTF8, "text/xml"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
