using System.Globalization;
using System.Text;
using Subscription.WeChat;

namespace Subscription.Benchmarks;

/// <summary>
/// Signed POST /wechat requests in a 1:1:1 mix of follow, text and menu click. Every request is a new delivery
/// (its own openid, MsgId and nonce) so the server does the full work instead of answering from its dedupe cache.
/// </summary>
public sealed class CallbackFactory(string token)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly long _msgIdBase = (long)Random.Shared.Next(1, int.MaxValue) << 24;
    private long _next;

    /// <summary>Signs <paramref name="count"/> requests with the current time, before a phase's clock starts.</summary>
    public BenchRequest[] CreateMany(int count)
    {
        var requests = new BenchRequest[count];
        for (var i = 0; i < count; i++)
        {
            requests[i] = Create();
        }

        return requests;
    }

    /// <summary>Thread-safe; costs a SHA-1 and a few strings.</summary>
    public BenchRequest Create()
    {
        var n = Interlocked.Increment(ref _next);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = $"{_run}{n}";
        var openId = $"obench_{_run}_{n}";
        var body = (n % 3) switch
        {
            0 => Event(openId, now, "subscribe", "qrscene_bench"),
            1 => Text(openId, now, _msgIdBase + n, "帮助"),
            _ => Event(openId, now, "CLICK", "help"),
        };
        var signature = Signature.Compute(token, now, nonce);
        var url = $"/wechat?signature={signature}&timestamp={now}&nonce={nonce}";
        return new BenchRequest(url, Encoding.UTF8.GetBytes(body), "<xml>");
    }

    /// <summary>A text message with the given content from a new follower, signed now.</summary>
    public BenchRequest CreateText(string content)
    {
        var n = Interlocked.Increment(ref _next);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = $"{_run}{n}";
        var body = Text($"obench_{_run}_{n}", now, _msgIdBase + n, content);
        var url = $"/wechat?signature={Signature.Compute(token, now, nonce)}&timestamp={now}&nonce={nonce}";
        return new BenchRequest(url, Encoding.UTF8.GetBytes(body), "<xml>");
    }

    private static string Event(string openId, string now, string name, string key) =>
        $"<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>" +
        $"<CreateTime>{now}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[{name}]]></Event>" +
        $"<EventKey><![CDATA[{key}]]></EventKey></xml>";

    private static string Text(string openId, string now, long msgId, string content) =>
        $"<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[{openId}]]></FromUserName>" +
        $"<CreateTime>{now}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content>" +
        $"<MsgId>{msgId.ToString(CultureInfo.InvariantCulture)}</MsgId></xml>";
}
