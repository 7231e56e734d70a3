namespace Subscription.WeChat;

/// <summary>Turns callback bodies into typed records. Throws only <see cref="WeChatXmlException"/>.</summary>
public static class InboundParser
{
    /// <summary>
    /// Parses a plaintext (or decrypted) body. Unknown message types and events become
    /// <see cref="UnknownMessage"/>; only a broken envelope or a bad required number throws.
    /// </summary>
    /// <exception cref="WeChatXmlException">Malformed XML, a DTD, a root other than &lt;xml&gt;, or a bad required field.</exception>
    public static InboundMessage Parse(string xml)
    {
        var fields = new InboundFields(XmlFieldReader.Read(xml));
        return fields.MsgType.ToLowerInvariant() switch
        {
            "event" => EventFactory.Create(fields),
            "text" or "image" or "voice" or "video" or "shortvideo" or "location" or "link" => UserMessageFactory.Create(fields),
            _ => Unknown(fields, fields.Text("Event")),
        };
    }

    /// <summary>
    /// Reads the outer body of a safe- or compatible-mode callback. Verify msg_signature over
    /// <see cref="EncryptedEnvelope.Encrypt"/> before decrypting it.
    /// </summary>
    /// <exception cref="WeChatXmlException">Malformed XML, a DTD, a root other than &lt;xml&gt;, or no (or an empty) Encrypt element.</exception>
    public static EncryptedEnvelope ReadEnvelope(string xml)
    {
        var values = XmlFieldReader.Read(xml);
        if (!values.TryGetValue("Encrypt", out var encrypt) || encrypt.Length == 0)
        {
            throw new WeChatXmlException("<Encrypt> is missing or empty.");
        }

        return new EncryptedEnvelope(values.GetValueOrDefault("ToUserName"), encrypt);
    }

    internal static UnknownMessage Unknown(InboundFields f, string? @event) => new()
    {
        ToUserName = f.ToUserName,
        FromUserName = f.FromUserName,
        CreateTime = f.CreateTime,
        MsgType = f.MsgType,
        Event = @event,
        Fields = f.Values.AsReadOnly(),
    };
}
