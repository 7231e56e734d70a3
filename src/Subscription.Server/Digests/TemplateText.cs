using System.Text;
using System.Text.Encodings.Web;

namespace Subscription.Server.Digests;

/// <summary>Template keyword values: one line, ≤ 20 characters, nothing the JSON encoder would write as \uXXXX.</summary>
internal static class TemplateText
{
    public static string Value(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var rune in TextElements.OneLine(text).EnumerateRunes())
        {
            // Outside the BMP (emoji) is fine: TemplatePayload.ToJson writes those literally. Inside it, after
            // OneLine, the relaxed encoder escapes only unassigned, private-use and U+FEFF: nothing a reader sees.
            if (!rune.IsBmp || !JavaScriptEncoder.UnsafeRelaxedJsonEscaping.WillEncode(rune.Value) || rune.Value is '"' or '\\')
            {
                kept.Append(rune.ToString());
            }
        }

        return TextElements.Truncate(kept.ToString(), DigestLimits.TemplateValueCharacters);
    }
}
