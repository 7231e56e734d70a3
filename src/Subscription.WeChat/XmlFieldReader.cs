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
            // A BOM left in by byte-to-string decoding is not XML content once it is a char.
            using var reader = Open(xml[0] == '\uFEFF' ? xml[1..] : xml);
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

    /// <summary>
    /// A reader over the string itself: <see cref="XmlReader.Create(TextReader, XmlReaderSettings)"/> would copy it
    /// through an 8 KB buffer, the largest allocation of a callback. No DTD, no resolver, line breaks normalized;
    /// the wrapper checks characters and drops comments and processing instructions.
    /// </summary>
    private static XmlReader Open(string xml) =>
        XmlReader.Create(
            new XmlTextReader(xml, XmlNodeType.Document, context: null)
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                EntityHandling = EntityHandling.ExpandEntities,
                Normalization = true,
                // Drops indentation around CDATA in pretty-printed bodies; CDATA content itself is kept verbatim.
                WhitespaceHandling = WhitespaceHandling.Significant,
            },
            new XmlReaderSettings { CheckCharacters = true, IgnoreComments = true, IgnoreProcessingInstructions = true });

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
