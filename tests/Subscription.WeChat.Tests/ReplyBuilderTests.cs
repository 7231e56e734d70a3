namespace Subscription.WeChat.Tests;

public sealed class ReplyBuilderTests
{
    [Fact]
    public void Text_SimpleContent_ParsesBackToSameValues()
    {
        var xml = ReplyBuilder.Text("o_follower", "gh_account", 1700000000, "欢迎订阅 😀\n<a href=\"https://example.com/?a=1&b=2\">最新一期</a>");

        var fields = TestXml.LeafValues(xml);

        Assert.Equal("o_follower", fields["ToUserName"]);
        Assert.Equal("gh_account", fields["FromUserName"]);
        Assert.Equal("1700000000", fields["CreateTime"]);
        Assert.Equal("text", fields["MsgType"]);
        Assert.Equal("欢迎订阅 😀\n<a href=\"https://example.com/?a=1&b=2\">最新一期</a>", fields["Content"]);
        Assert.Equal(5, fields.Count);
    }

    [Fact]
    public void Text_Output_MatchesDocumentedLayout()
    {
        var xml = ReplyBuilder.Text("to", "from", 12345678, "hello");

        Assert.Equal(
            "<xml><ToUserName><![CDATA[to]]></ToUserName><FromUserName><![CDATA[from]]></FromUserName><CreateTime>12345678</CreateTime>" +
            "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content></xml>",
            xml);
    }

    [Theory]
    [InlineData("]]>")]
    [InlineData("a]]>b]]>c")]
    [InlineData("]]]]>>")]
    [InlineData("<![CDATA[x]]>")]
    [InlineData("]]")]
    [InlineData("")]
    public void Text_ContentWithCDataTerminator_SurvivesRoundTripExactly(string content)
    {
        var xml = ReplyBuilder.Text("to", "from", 1, content);

        Assert.Equal(content, TestXml.LeafValues(xml)["Content"]);
    }

    [Fact]
    public void Text_CDataTerminatorInAnyField_SurvivesRoundTrip()
    {
        var xml = ReplyBuilder.Text("o]]>1", "gh]]>2", 1, "c");

        var fields = TestXml.LeafValues(xml);

        Assert.Equal("o]]>1", fields["ToUserName"]);
        Assert.Equal("gh]]>2", fields["FromUserName"]);
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("bell\a")]
    [InlineData("\uFFFE")]
    public void Text_CharacterIllegalInXml_ThrowsArgumentException(string content)
    {
        Assert.Throws<ArgumentException>(() => ReplyBuilder.Text("to", "from", 1, content));
    }

    [Fact]
    public void Text_LoneOrReversedSurrogate_ThrowsArgumentException()
    {
        // Built in code: lone surrogates do not survive serialisation of [InlineData] arguments.
        var high = (char)0xD83D;
        var low = (char)0xDE00;

        Assert.Throws<ArgumentException>(() => ReplyBuilder.Text("to", "from", 1, $"lone {high} surrogate"));
        Assert.Throws<ArgumentException>(() => ReplyBuilder.Text("to", "from", 1, $"{low}{high} reversed"));
        Assert.Throws<ArgumentException>(() => ReplyBuilder.Text("to", "from", 1, $"ends with {high}"));
        Assert.Equal($"{high}{low}", TestXml.LeafValues(ReplyBuilder.Text("to", "from", 1, $"{high}{low}"))["Content"]);
    }

    [Fact]
    public void Text_IllegalCharacterInUserName_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => ReplyBuilder.Text("to\u0001", "from", 1, "ok"));
    }

    [Fact]
    public void Text_TabsNewlinesAndAstralCharacters_AreAccepted()
    {
        const string content = "a\tb\nc 𠀋 🀄";

        Assert.Equal(content, TestXml.LeafValues(ReplyBuilder.Text("to", "from", 1, content))["Content"]);
    }

    [Fact]
    public void News_OneArticle_ParsesBackToSameValues()
    {
        var article = new NewsArticle("第42期：周报", "本周要闻 ]]> & more", "https://example.com/cover.jpg", "https://example.com/issues/42?from=wx&x=1");

        var xml = ReplyBuilder.News("o_follower", "gh_account", 1700000000, article);
        var fields = TestXml.LeafValues(xml);

        Assert.Equal("o_follower", fields["ToUserName"]);
        Assert.Equal("gh_account", fields["FromUserName"]);
        Assert.Equal("1700000000", fields["CreateTime"]);
        Assert.Equal("news", fields["MsgType"]);
        Assert.Equal("1", fields["ArticleCount"]);
        Assert.Equal(article.Title, fields["Title"]);
        Assert.Equal(article.Description, fields["Description"]);
        Assert.Equal(article.PicUrl, fields["PicUrl"]);
        Assert.Equal(article.Url, fields["Url"]);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(xml, "<item>"));
    }

    [Fact]
    public void News_NullArticle_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ReplyBuilder.News("to", "from", 1, null!));
    }

    [Fact]
    public void Success_IsTheSevenByteAcknowledgement()
    {
        Assert.Equal("success", ReplyBuilder.Success);
    }
}
