using System.Text;
using System.Xml;

namespace Subscription.WeChat;

/// <summary>
/// Reads a WeChat <c>&lt;xml&gt;…&lt;/xml&gt;</c> body into name → text pairs with a forward-only reader.
/// DTDs are prohibited (rejects XXE and entity expansion bombs) and no resolver is used.
/// </summary>
internal static class XmlFieldReader
{
    // WeChat bodies nest at most three levels (CopyrightCheckResult/ResultList/item); deeper subtrees are skipped.
    private const int MaxDepth = 6;

    public static Dictionary<string, string> Read(string xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            throw new WeChatXmlException("The body is empty.");
        }

        try
        {
            var text = new StringReader(xml);
            if (xml[0] == '\uFEFF')
            {
                // A BOM left in by byte-to-string decoding is not XML content once it is a char.
                text.Read();
            }

            using var reader = XmlReader.Create(text, CreateSettings());
            if (reader.MoveToContent() != XmlNodeType.Element || !string.Equals(reader.Name, "xml", StringComparison.Ordinal))
            {
                throw new WeChatXmlException("The root element must be <xml>.");
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            if (reader.IsEmptyElement)
            {
                reader.Read();
            }
            else
            {
                ReadElement(reader, path: "", depth: 0, fields);
            }

            // Drain the rest so trailing garbage or a second root is reported, not ignored.
            while (reader.Read())
            {
            }

            return fields;
        }
        catch (XmlException ex)
        {
            throw new WeChatXmlException($"Malformed XML: {ex.Message}", ex);
        }
    }

    private static XmlReaderSettings CreateSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        // Drops indentation around CDATA in pretty-printed bodies; CDATA content itself is kept verbatim.
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    /// <summary>
    /// Reader is on a non-empty start element; leaves it just past the matching end element. An element
    /// with child elements contributes only its children; the first occurrence of a path wins.
    /// </summary>
    private static void ReadElement(XmlReader reader, string path, int depth, Dictionary<string, string> fields)
    {
        string? text = null;
        StringBuilder? longText = null;
        var hasChildren = false;

        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    hasChildren = true;
                    var childPath = path.Length == 0 ? reader.LocalName : $"{path}/{reader.LocalName}";
                    if (reader.IsEmptyElement)
                    {
                        fields.TryAdd(childPath, "");
                        reader.Read();
                    }
                    else if (depth >= MaxDepth)
                    {
                        reader.Skip();
                    }
                    else
                    {
                        ReadElement(reader, childPath, depth + 1, fields);
                    }

                    break;

                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                    // Usually one node; a "]]>" split across CDATA sections arrives as several.
                    if (text is null)
                    {
                        text = reader.Value;
                    }
                    else
                    {
                        (longText ??= new StringBuilder(text)).Append(reader.Value);
                    }

                    reader.Read();
                    break;

                default:
                    reader.Read();
                    break;
            }
        }

        if (!hasChildren && path.Length > 0)
        {
            fields.TryAdd(path, longText?.ToString() ?? text ?? "");
        }

        reader.Read();
    }
}
