using System.Globalization;
using System.Text;
using Subscription.WeChat;

namespace Subscription.Server.Tests.Infrastructure;

/// <summary>Plays WeChat's side of the callback: signs (and in safe mode encrypts) a body and posts it to /wechat.</summary>
public sealed class WeChatSender(HttpClient client, bool encrypted = false)
{
    private readonly MessageCrypto _crypto = new(TestAccount.Token, TestAccount.EncodingAesKey, TestAccount.AppId);

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>
    /// <paramref name="secondsAgo"/> before now, but not before today began in the readers' time zone
    /// (UTC+8), so events a test counts as "today" are today's whatever the hour it runs.
    /// </summary>
    public static long EarlierToday(long secondsAgo)
    {
        const long beijing = 8 * 3600;
        var todayStart = (Now + beijing) / 86_400 * 86_400 - beijing;
        return Math.Max(Now - secondsAgo, todayStart);
    }

    public static string NewNonce() => Random.Shared.NextInt64(100_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);

    public MessageCrypto Crypto => _crypto;

    /// <summary>Posts <paramref name="xml"/> signed with a fresh timestamp and nonce unless given.</summary>
    public Task<HttpResponseMessage> PostAsync(string xml, string? nonce = null, long? timestamp = null, string? token = null) =>
        PostAsync(xml, new Delivery(timestamp ?? Now, nonce ?? NewNonce()), token);

    public Task<HttpResponseMessage> PostAsync(string xml, Delivery delivery, string? token = null)
    {
        var ts = delivery.Timestamp.ToString(CultureInfo.InvariantCulture);
        var signature = Signature.Compute(token ?? TestAccount.Token, ts, delivery.Nonce);
        var url = $"/wechat?signature={signature}&timestamp={ts}&nonce={delivery.Nonce}&openid=test";
        var body = xml;
        if (encrypted)
        {
            var encrypt = delivery.Encrypt ?? _crypto.Encrypt(xml);
            var msgSignature = Signature.Compute(token ?? TestAccount.Token, ts, delivery.Nonce, encrypt);
            url += $"&encrypt_type=aes&msg_signature={msgSignature}";
            body = $"<xml><ToUserName><![CDATA[{TestAccount.OriginalId}]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        }

        return client.PostAsync(url, new StringContent(body, Encoding.UTF8, "text/xml"));
    }

    /// <summary>The reply's inner XML: decrypted and signature-checked in safe mode, as WeChat would.</summary>
    public async Task<string> ReadReplyAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!encrypted || body == ReplyBuilder.Success)
        {
            return body;
        }

        var envelope = System.Xml.Linq.XElement.Parse(body);
        var encrypt = (string)envelope.Element("Encrypt")!;
        var ok = Signature.Verify((string)envelope.Element("MsgSignature")!, TestAccount.Token,
            (string)envelope.Element("TimeStamp")!, (string)envelope.Element("Nonce")!, encrypt);
        return ok ? _crypto.Decrypt(encrypt) : throw new InvalidOperationException("reply MsgSignature does not verify");
    }
}

/// <summary>One delivery's query values; WeChat's retries of a delivery repeat them.</summary>
public sealed record Delivery(long Timestamp, string Nonce, string? Encrypt = null);
