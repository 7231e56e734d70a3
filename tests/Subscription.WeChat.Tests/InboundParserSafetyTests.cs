using System.Diagnostics;

namespace Subscription.WeChat.Tests;

public sealed class InboundParserSafetyTests
{
    private const string ValidText =
        "<xml><ToUserName><![CDATA[gh_account]]></ToUserName><FromUserName><![CDATA[o_user]]></FromUserName>" +
        "<CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content><MsgId>1</MsgId></xml>";

    [Fact]
    public void Parse_ExternalEntity_ThrowsWithoutResolvingIt()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>1</MsgId></xml>
            """;

        Assert.Throws<WeChatXmlException>(() => InboundParser.Parse(xml));
    }

    [Fact]
    public void Parse_BillionLaughs_ThrowsQuickly()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE xml [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&lol9;</Content><MsgId>1</MsgId></xml>
            """;
        var watch = Stopwatch.StartNew();

        Assert.Throws<WeChatXmlException>(() => InboundParser.Parse(xml));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Parse_HarmlessDoctype_IsStillRejected()
    {
        Assert.Throws<WeChatXmlException>(() => InboundParser.Parse("<!DOCTYPE xml>" + ValidText));
    }

    [Fact]
    public void ReadEnvelope_Doctype_Throws()
    {
        const string xml = "<!DOCTYPE xml [<!ENTITY e SYSTEM \"http://127.0.0.1/\">]><xml><ToUserName>a</ToUserName><Encrypt>&e;</Encrypt></xml>";

        Assert.Throws<WeChatXmlException>(() => InboundParser.ReadEnvelope(xml));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("success")]
    [InlineData("{\"ToUserName\":\"gh\"}")]
    [InlineData("<xml>")]
    [InlineData("<xml><ToUserName>a</ToUserName>")]
    [InlineData("<xml></xmL>")]
    [InlineData("<root><ToUserName>a</ToUserName></root>")]
    [InlineData("<XML><ToUserName>a</ToUserName></XML>")]
    [InlineData("<xml/>")]
    [InlineData("<xml></xml><xml></xml>")]
    [InlineData("\0\u0001\u0002")]
    public void Parse_GarbageOrWrongRoot_ThrowsWeChatXmlException(string xml)
    {
        Assert.Throws<WeChatXmlException>(() => InboundParser.Parse(xml));
    }

    [Fact]
    public void Parse_CharacterIllegalInXml_ThrowsWithXmlCause()
    {
        var xml = ValidText.Replace("<Content><![CDATA[hi]]></Content>", "<Content>&#1;</Content>", StringComparison.Ordinal);

        var error = Assert.Throws<WeChatXmlException>(() => InboundParser.Parse(xml));

        Assert.IsType<System.Xml.XmlException>(error.InnerException);
    }

    [Fact]
    public void Parse_Null_ThrowsWeChatXmlException()
    {
        Assert.Throws<WeChatXmlException>(() => InboundParser.Parse(null!));
    }

    [Theory]
    [InlineData("<ToUserName>", "<Dropped>")]
    [InlineData("</ToUserName>", "</Dropped>")]
    [InlineData("<FromUserName><![CDATA[o_user]]>", "<FromUserName><![CDATA[]]>")]
    [InlineData("<CreateTime>1348831860</CreateTime>", "")]
    [InlineData("<CreateTime>1348831860</CreateTime>", "<CreateTime>xxxx</CreateTime>")]
    [InlineData("<CreateTime>1348831860</CreateTime>", "<CreateTime>1.5</CreateTime>")]
    [InlineData("<MsgType><![CDATA[text]]></MsgType>", "")]
    public void Parse_MissingOrInvalidEnvelopeField_Throws(string original, string replacement)
    {
        var xml = ValidText.Replace(original, replacement, StringComparison.Ordinal);

        Assert.Throws<WeChatXmlException>(() => InboundParser.Parse(xml));
    }

    [Fact]
    public void Parse_EveryTruncation_ThrowsOnlyWeChatXmlException()
    {
        for (var length = 0; length < ValidText.Length; length++)
        {
            var truncated = ValidText[..length];
            var thrown = Record.Exception(() => InboundParser.Parse(truncated));
            Assert.IsType<WeChatXmlException>(thrown);
        }
    }

    [Fact]
    public void Parse_DeclarationCommentsAndProcessingInstructions_AreIgnored()
    {
        var xml = "\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- from WeChat -->" +
            ValidText.Replace("<Content>", "<?pi x?><Content><!-- c -->", StringComparison.Ordinal);

        var message = Assert.IsType<TextMessage>(InboundParser.Parse(xml));

        Assert.Equal("hi", message.Content);
    }

    [Fact]
    public void Parse_LineBreaks_AreNormalizedAsXmlRequires()
    {
        var xml = ValidText.Replace("<![CDATA[hi]]>", "<![CDATA[a\r\nb\rc]]>", StringComparison.Ordinal);

        var message = Assert.IsType<TextMessage>(InboundParser.Parse(xml));

        Assert.Equal("a\nb\nc", message.Content);
    }

    [Fact]
    public void Parse_DeclaredEncoding_IsIgnoredForAnAlreadyDecodedBody()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"GBK\"?>" + ValidText.Replace("hi", "你好", StringComparison.Ordinal);

        var message = Assert.IsType<TextMessage>(InboundParser.Parse(xml));

        Assert.Equal("你好", message.Content);
    }

    [Theory]
    [InlineData("&undeclared;")]
    [InlineData("&#1;")]
    [InlineData("\u0001")]
    public void Parse_UndeclaredEntityOrControlCharacter_Throws(string content)
    {
        var xml = ValidText.Replace("<![CDATA[hi]]>", content, StringComparison.Ordinal);

        Assert.Throws<WeChatXmlException>(() => InboundParser.Parse(xml));
    }

    [Fact]
    public void Parse_DeeplyNestedUnknownElement_DoesNotOverflow()
    {
        var nested = string.Concat(Enumerable.Repeat("<a>", 20_000)) + "x" + string.Concat(Enumerable.Repeat("</a>", 20_000));
        var xml = ValidText.Replace("<MsgId>", nested + "<MsgId>", StringComparison.Ordinal);

        var message = Assert.IsType<TextMessage>(InboundParser.Parse(xml));

        Assert.Equal(1, message.MsgId);
    }

    [Fact]
    public void Parse_DuplicateElement_FirstOccurrenceWins()
    {
        var xml = ValidText.Replace("</xml>", "<Content>second</Content></xml>", StringComparison.Ordinal);

        Assert.Equal("hi", Assert.IsType<TextMessage>(InboundParser.Parse(xml)).Content);
    }
}
