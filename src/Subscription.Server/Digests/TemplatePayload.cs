using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Subscription.Server.Digests;

/// <summary>The body of message/template/send (§10).</summary>
/// <param name="Data">Keyword name → value; each value ≤ 20 characters on one line.</param>
public sealed partial record TemplatePayload(
    [property: JsonPropertyName("touser")] string ToUser,
    [property: JsonPropertyName("template_id")] string TemplateId,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("client_msg_id")] string ClientMsgId,
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, TemplateValue> Data)
{
    /// <summary>The request body, with every character written literally: WeChat rejects \uXXXX escapes (40033).</summary>
    public string ToJson()
    {
        var json = JsonSerializer.Serialize(this, TemplateJsonContext.Relaxed.TemplatePayload);
        // Even the relaxed encoder escapes characters outside the BMP (emoji, CJK Extension B) as
        // surrogate pairs; write those back. Other escaped characters never reach here (TemplateText).
        return SurrogatePairEscape().Replace(json, m => string.Concat(
            (char)Convert.ToInt32(m.Groups["high"].Value, 16),
            (char)Convert.ToInt32(m.Groups["low"].Value, 16)));
    }

    /// <summary>\uD83D\uDE00, unless its backslash is itself escaped (an odd run of backslashes before "u").</summary>
    [GeneratedRegex(@"(?<=(?<!\\)(?:\\\\)*)\\u(?<high>D[89AB][0-9A-F]{2})\\u(?<low>D[C-F][0-9A-F]{2})")]
    private static partial Regex SurrogatePairEscape();
}

public sealed record TemplateValue([property: JsonPropertyName("value")] string Value);
