using System.Text;
using System.Xml;

namespace Subscription.WeChat;

/// <summary>Writes untrusted text into hand-built reply XML.</summary>
internal static class XmlText
{
    /// <summary>
    /// Appends <c>&lt;![CDATA[value]]&gt;</c>. A "]]&gt;" inside the value would end the section early, so it
    /// is split across two sections ("]]" closes the first, "&gt;" opens the second), which parsers join back.
    /// </summary>
    public static void AppendCData(StringBuilder xml, string value, string? paramName = null)
    {
        EnsureLegal(value, paramName);
        xml.Append("<![CDATA[");
        xml.Append(value.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal));
        xml.Append("]]>");
    }

    /// <summary>Appends the value as escaped character data (for bare fields such as TimeStamp).</summary>
    public static void AppendEscaped(StringBuilder xml, string value, string? paramName = null)
    {
        EnsureLegal(value, paramName);
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => xml.Append("&amp;"),
                '<' => xml.Append("&lt;"),
                '>' => xml.Append("&gt;"),
                _ => xml.Append(c),
            };
        }
    }

    /// <summary>Rejects characters XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF).</summary>
    public static void EnsureLegal(string value, string? paramName = null)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (XmlConvert.IsXmlChar(c))
            {
                continue;
            }

            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], c))
            {
                i++;
                continue;
            }

            throw new ArgumentException($"Character U+{(int)c:X4} at index {i} is not allowed in XML 1.0.", paramName);
        }
    }
}
