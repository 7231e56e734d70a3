using System.Globalization;
using Subscription.Server.Tests.Infrastructure;
using Subscription.WeChat;

namespace Subscription.Server.Tests.Hosting;

[Trait("Category", "Storage")]
public sealed class SecretLoggingTests(StoreFixture store)
{
    [Fact]
    public async Task Logs_AfterEveryKindOfRequest_NeverCarryASecret()
    {
        await using var server = new ServerFactory(store);
        var plain = new WeChatSender(server.CreateClient());
        var safe = new WeChatSender(server.CreateClient(), encrypted: true);
        (await plain.PostAsync(CallbackXml.Subscribe("oLog1", WeChatSender.Now))).Dispose();
        (await safe.PostAsync(CallbackXml.Text("oLog2", WeChatSender.Now, "帮助", 42))).Dispose();
        (await plain.PostAsync(CallbackXml.Subscribe("oLog3", WeChatSender.Now), token: "WrongToken")).Dispose();
        (await plain.PostAsync("<xml>broken")).Dispose();
        var foreign = new MessageCrypto(TestAccount.Token, TestAccount.EncodingAesKey, "wxOther");
        var ts = WeChatSender.Now.ToString(CultureInfo.InvariantCulture);
        var encrypt = foreign.Encrypt(CallbackXml.Subscribe("oLog4", WeChatSender.Now));
        var msgSignature = Signature.Compute(TestAccount.Token, ts, "77", encrypt);
        (await server.CreateClient().PostAsync(
            $"/wechat?timestamp={ts}&nonce=77&encrypt_type=aes&msg_signature={msgSignature}",
            new StringContent($"<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>"))).Dispose();
        var wrongKey = server.CreateClient();
        wrongKey.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key");
        (await wrongKey.GetAsync("/admin/api/stats")).Dispose();

        Assert.NotEmpty(server.Logs.Lines);
        Assert.Contains(server.Logs.Lines, l => l.Contains("Refused callback", StringComparison.Ordinal));
        foreach (var secret in new[] { TestAccount.Token, TestAccount.EncodingAesKey, TestAccount.AppSecret, TestAccount.AdminApiKey })
        {
            Assert.DoesNotContain(server.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}
