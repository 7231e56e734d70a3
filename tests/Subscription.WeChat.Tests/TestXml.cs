using System.Text;
using System.Xml;

namespace Subscription.WeChat.Tests;

/// <summary>An independent reader for checking generated XML: leaf element name → concatenated text.</summary>
internal static class TestXml
{
    public static Dictionary<string, string> LeafValues(string xml)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var open = new Stack<(string Name, StringBuilder Text, bool HasChild)>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        reader.MoveToContent();
        Assert.Equal("xml", reader.Name);
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.IsEmptyElement:
                    MarkParent(open);
                    Add(values, reader.Name, "");
                    break;
                case XmlNodeType.Element:
                    MarkParent(open);
                    open.Push((reader.Name, new StringBuilder(), false));
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace when open.Count > 0:
                    open.Peek().Text.Append(reader.Value);
                    break;
                case XmlNodeType.EndElement when open.Count > 0:
                    var (name, text, hasChild) = open.Pop();
                    if (!hasChild)
                    {
                        Add(values, name, text.ToString());
                    }

                    break;
            }
        }

        return values;
    }

    private static void MarkParent(Stack<(string Name, StringBuilder Text, bool HasChild)> open)
    {
        if (open.Count > 0)
        {
            var parent = open.Pop();
            open.Push(parent with { HasChild = true });
        }
    }

    private static void Add(Dictionary<string, string> values, string name, string text) =>
        Assert.True(values.TryAdd(name, text), $"duplicate element <{name}>");
}
