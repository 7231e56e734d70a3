using System.Globalization;

namespace Subscription.Server.Tests.Infrastructure;

/// <summary>Callback bodies as WeChat sends them (written for these tests, shaped like the official samples).</summary>
public static class CallbackXml
{
    public static string Subscribe(string openId, long createTime, string? scene = null) => Event(openId, createTime, "subscribe",
        scene is null ? "<EventKey><![CDATA[]]></EventKey>" : $"<EventKey><![CDATA[qrscene_{scene}]]></EventKey><Ticket><![CDATA[TICKET-{scene}]]></Ticket>");

    public static string Unsubscribe(string openId, long createTime) => Event(openId, createTime, "unsubscribe", "<EventKey><![CDATA[]]></EventKey>");

    public static string Scan(string openId, long createTime, string scene) =>
        Event(openId, createTime, "SCAN", $"<EventKey><![CDATA[{scene}]]></EventKey><Ticket><![CDATA[TICKET-{scene}]]></Ticket>");

    public static string Click(string openId, long createTime, string key) => Event(openId, createTime, "CLICK", $"<EventKey><![CDATA[{key}]]></EventKey>");

    public static string View(string openId, long createTime, string url) => Event(openId, createTime, "VIEW", $"<EventKey><![CDATA[{url}]]></EventKey>");

    public static string Text(string openId, long createTime, string content, long msgId) => $"""
        <xml>
        <ToUserName><![CDATA[{TestAccount.OriginalId}]]></ToUserName>
        <FromUserName><![CDATA[{openId}]]></FromUserName>
        <CreateTime>{createTime.ToString(CultureInfo.InvariantCulture)}</CreateTime>
        <MsgType><![CDATA[text]]></MsgType>
        <Content><![CDATA[{content.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)}]]></Content>
        <MsgId>{msgId.ToString(CultureInfo.InvariantCulture)}</MsgId>
        </xml>
        """;

    private static string Event(string openId, long createTime, string name, string extra) => $"""
        <xml>
        <ToUserName><![CDATA[{TestAccount.OriginalId}]]></ToUserName>
        <FromUserName><![CDATA[{openId}]]></FromUserName>
        <CreateTime>{createTime.ToString(CultureInfo.InvariantCulture)}</CreateTime>
        <MsgType><![CDATA[event]]></MsgType>
        <Event><![CDATA[{name}]]></Event>
        {extra}
        </xml>
        """;
}
