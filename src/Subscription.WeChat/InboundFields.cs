using System.Globalization;

namespace Subscription.WeChat;

/// <summary>Typed, lenient access to the fields of one inbound body plus its validated envelope.</summary>
internal sealed class InboundFields
{
    private const NumberStyles IntegerStyle = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    public InboundFields(Dictionary<string, string> values)
    {
        Values = values;
        ToUserName = RequiredText("ToUserName");
        FromUserName = RequiredText("FromUserName");
        MsgType = RequiredText("MsgType");
        CreateTime = RequiredInt64("CreateTime");
    }

    public Dictionary<string, string> Values { get; }

    public string ToUserName { get; }

    public string FromUserName { get; }

    public string MsgType { get; }

    public long CreateTime { get; }

    public string? Text(string name) => Values.GetValueOrDefault(name);

    /// <summary>Null for a missing or empty element.</summary>
    public string? NonEmpty(string name) => Values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public long RequiredInt64(string name) =>
        Values.TryGetValue(name, out var raw) && long.TryParse(raw, IntegerStyle, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new WeChatXmlException($"<{name}> is missing or not an integer.");

    // Optional numbers default to 0: a bad optional field must not make WeChat retry the whole push.
    public long Int64(string name) =>
        Values.TryGetValue(name, out var raw) && long.TryParse(raw, IntegerStyle, CultureInfo.InvariantCulture, out var value) ? value : 0;

    public int Int32(string name) =>
        Values.TryGetValue(name, out var raw) && int.TryParse(raw, IntegerStyle, CultureInfo.InvariantCulture, out var value) ? value : 0;

    public double Double(string name) =>
        Values.TryGetValue(name, out var raw)
        && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value)
            ? value
            : 0;

    private string RequiredText(string name) =>
        Values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new WeChatXmlException($"<{name}> is missing or empty.");
}
