using System.Xml.Linq;

namespace Subscription.Server.Tests.Infrastructure;

/// <summary>Reads a passive reply the way WeChat does.</summary>
public sealed record ParsedReply(string ToUserName, string FromUserName, string MsgType, string? Content, long CreateTime)
{
    public static ParsedReply Parse(string xml)
    {
        var root = XElement.Parse(xml);
        return new ParsedReply(
            (string)root.Element("ToUserName")!,
            (string)root.Element("FromUserName")!,
            (string)root.Element("MsgType")!,
            (string?)root.Element("Content"),
            (long)root.Element("CreateTime")!);
    }
}
