using System.Xml.Linq;

namespace Subscription.Server.Tests.Infrastructure;

/// <summary>Reads a passive reply the way WeChat does.</summary>
public sealed record ParsedReply(string ToUserName, string FromUserName, string MsgType, string? Content, long CreateTime,
    string? NewsTitle = null, string? NewsDescription = null, string? NewsUrl = null, int ArticleCount = 0)
{
    public static ParsedReply Parse(string xml)
    {
        var root = XElement.Parse(xml);
        var item = root.Element("Articles")?.Element("item");
        return new ParsedReply(
            (string)root.Element("ToUserName")!,
            (string)root.Element("FromUserName")!,
            (string)root.Element("MsgType")!,
            (string?)root.Element("Content"),
            (long)root.Element("CreateTime")!,
            (string?)item?.Element("Title"),
            (string?)item?.Element("Description"),
            (string?)item?.Element("Url"),
            (int?)root.Element("ArticleCount") ?? 0);
    }
}
