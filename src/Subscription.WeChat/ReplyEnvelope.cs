using System.Text;

namespace Subscription.WeChat;

/// <summary>The encrypted passive-reply envelope of spec §3.6, in the layout of the official samples.</summary>
internal static class ReplyEnvelope
{
    public static string Build(string encrypt, string msgSignature, string timestamp, string nonce)
    {
        var xml = new StringBuilder(encrypt.Length + 160);
        xml.Append("<xml>\n<Encrypt>");
        XmlText.AppendCData(xml, encrypt);
        xml.Append("</Encrypt>\n<MsgSignature>");
        XmlText.AppendCData(xml, msgSignature);
        xml.Append("</MsgSignature>\n<TimeStamp>");
        XmlText.AppendEscaped(xml, timestamp);
        xml.Append("</TimeStamp>\n<Nonce>");
        XmlText.AppendCData(xml, nonce);
        xml.Append("</Nonce>\n</xml>");
        return xml.ToString();
    }
}
