using System.Globalization;
using System.Text;

namespace Subscription.WeChatEmulator.Callbacks;

/// <summary>Callback bodies in the XML shapes of §4: strings in CDATA, numbers bare, one element a line.</summary>
public static class CallbackXml
{
    /// <summary>FromUserName of job-finish events: the account operator, not a follower.</summary>
    public const string OperatorOpenId = "oEmuOperatorOfTheAccount0000";

    public static string Text(string account, string openId, long createTime, string content, long msgId) =>
        Build(account, openId, createTime, "text", ("Content", content), ("MsgId", msgId));

    /// <summary>Follow (§4.3); through a parametric QR code EventKey is "qrscene_" + scene and a Ticket is sent.</summary>
    public static string Subscribe(string account, string openId, long createTime, string? qrScene) => qrScene is null
        ? Event(account, openId, createTime, "subscribe")
        : Event(account, openId, createTime, "subscribe", ("EventKey", "qrscene_" + qrScene), ("Ticket", TicketFor(qrScene)));

    public static string Unsubscribe(string account, string openId, long createTime) =>
        Event(account, openId, createTime, "unsubscribe");

    public static string Click(string account, string openId, long createTime, string key) =>
        Event(account, openId, createTime, "CLICK", ("EventKey", key));

    /// <summary>§4.6; note the capital "ID" in MsgID.</summary>
    public static string MassSendJobFinish(string account, long createTime, long msgId, string status,
        int total, int filter, int sent, int error) =>
        Event(account, OperatorOpenId, createTime, "MASSSENDJOBFINISH", ("MsgID", msgId), ("Status", status),
            ("TotalCount", total), ("FilterCount", filter), ("SentCount", sent), ("ErrorCount", error));

    /// <summary>§4.7: Status is "success", "failed:user block" or "failed: system failed".</summary>
    public static string TemplateSendJobFinish(string account, string openId, long createTime, long msgId, string status) =>
        Event(account, openId, createTime, "TEMPLATESENDJOBFINISH", ("MsgID", msgId), ("Status", status));

    public static string Event(string account, string openId, long createTime, string @event, params (string Name, object Value)[] fields) =>
        Build(account, openId, createTime, "event", [("Event", @event), .. fields]);

    private static string Build(string account, string openId, long createTime, string msgType, params (string Name, object Value)[] fields)
    {
        var xml = new StringBuilder("<xml>\n");
        Element(xml, "ToUserName", account);
        Element(xml, "FromUserName", openId);
        Element(xml, "CreateTime", createTime);
        Element(xml, "MsgType", msgType);
        foreach (var (name, value) in fields)
        {
            Element(xml, name, value);
        }

        return xml.Append("</xml>").ToString();
    }

    private static void Element(StringBuilder xml, string name, object value)
    {
        xml.Append('<').Append(name).Append('>');
        if (value is string text)
        {
            // "]]>" cannot appear inside CDATA: close and reopen around it (§5.3).
            xml.Append("<![CDATA[").Append(text.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)).Append("]]>");
        }
        else
        {
            xml.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        xml.Append("</").Append(name).Append(">\n");
    }

    private static string TicketFor(string scene) =>
        "gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xL" + Convert.ToBase64String(Encoding.UTF8.GetBytes(scene)).TrimEnd('=');
}
