using System.Globalization;
using System.Text;

namespace Subscription.WeChat;

/// <summary>
/// Plain passive-reply XML (spec §5). <c>toUser</c> is the follower's OpenID (the inbound FromUserName),
/// <c>fromUser</c> the account's gh_ id (the inbound ToUserName). Values go into CDATA sections; characters
/// that XML 1.0 cannot carry throw <see cref="ArgumentException"/>. In safe mode pass the result to
/// <see cref="MessageCrypto.WrapReply(string, string, string)"/>.
/// </summary>
public static class ReplyBuilder
{
    /// <summary>The "nothing to say" body: WeChat neither retries nor shows an error, and it is never encrypted.</summary>
    public const string Success = "success";

    public static string Text(string toUser, string fromUser, long createTime, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var xml = Begin(toUser, fromUser, createTime, "text");
        Element(xml, "Content", content, nameof(content));
        return End(xml);
    }

    /// <summary>
    /// A news reply with exactly one article: since 2018-10 WeChat shows only the first article of a passive
    /// reply to a user message and silently drops the rest.
    /// </summary>
    public static string News(string toUser, string fromUser, long createTime, NewsArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(article.Title, nameof(article));
        ArgumentNullException.ThrowIfNull(article.Description, nameof(article));
        ArgumentNullException.ThrowIfNull(article.PicUrl, nameof(article));
        ArgumentNullException.ThrowIfNull(article.Url, nameof(article));

        var xml = Begin(toUser, fromUser, createTime, "news");
        xml.Append("<ArticleCount>1</ArticleCount><Articles><item>");
        Element(xml, "Title", article.Title, nameof(article));
        Element(xml, "Description", article.Description, nameof(article));
        Element(xml, "PicUrl", article.PicUrl, nameof(article));
        Element(xml, "Url", article.Url, nameof(article));
        xml.Append("</item></Articles>");
        return End(xml);
    }

    private static StringBuilder Begin(string toUser, string fromUser, long createTime, string msgType)
    {
        ArgumentNullException.ThrowIfNull(toUser);
        ArgumentNullException.ThrowIfNull(fromUser);
        var xml = new StringBuilder(256);
        xml.Append("<xml>");
        Element(xml, "ToUserName", toUser, nameof(toUser));
        Element(xml, "FromUserName", fromUser, nameof(fromUser));
        xml.Append("<CreateTime>").Append(createTime.ToString(CultureInfo.InvariantCulture)).Append("</CreateTime>");
        Element(xml, "MsgType", msgType, nameof(msgType));
        return xml;
    }

    private static void Element(StringBuilder xml, string name, string value, string paramName)
    {
        xml.Append('<').Append(name).Append('>');
        XmlText.AppendCData(xml, value, paramName);
        xml.Append("</").Append(name).Append('>');
    }

    private static string End(StringBuilder xml) => xml.Append("</xml>").ToString();
}
