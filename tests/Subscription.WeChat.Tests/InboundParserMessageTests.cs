namespace Subscription.WeChat.Tests;

public sealed class InboundParserMessageTests
{
    [Fact]
    public void Parse_TextMessage_ReturnsTextMessage()
    {
        const string xml = """
            <xml>
            <ToUserName><![CDATA[toUser]]></ToUserName>
            <FromUserName><![CDATA[fromUser]]></FromUserName>
            <CreateTime>1348831860</CreateTime>
            <MsgType><![CDATA[text]]></MsgType>
            <Content><![CDATA[this is a test]]></Content>
            <MsgId>1234567890123456</MsgId>
            </xml>
            """;

        var message = Assert.IsType<TextMessage>(InboundParser.Parse(xml));

        Assert.Equal("toUser", message.ToUserName);
        Assert.Equal("fromUser", message.FromUserName);
        Assert.Equal(1348831860, message.CreateTime);
        Assert.Equal("text", message.MsgType);
        Assert.Equal("this is a test", message.Content);
        Assert.Equal(1234567890123456, message.MsgId);
    }

    [Fact]
    public void Parse_ChineseTextWithEmoji_KeepsContentExactly()
    {
        const string content = " 欢迎开启公众号开发者模式 😀👨‍👩‍👧\n第二行 ";
        var xml = $"""
            <xml>
             <ToUserName><![CDATA[公众号]]></ToUserName>
             <FromUserName><![CDATA[粉丝号]]></FromUserName>
             <CreateTime>1460537339</CreateTime>
             <MsgType><![CDATA[text]]></MsgType>
             <Content><![CDATA[{content}]]></Content>
             <MsgId>6272960105994287618</MsgId>
            </xml>
            """;

        var message = Assert.IsType<TextMessage>(InboundParser.Parse(xml));

        Assert.Equal(content, message.Content);
        Assert.Equal("粉丝号", message.FromUserName);
    }

    [Fact]
    public void Parse_MsgIdNear64BitMax_KeepsAllDigits()
    {
        var message = Assert.IsType<TextMessage>(InboundParser.Parse(Text("<MsgId>9223372036854775807</MsgId>")));

        Assert.Equal(long.MaxValue, message.MsgId);
    }

    [Fact]
    public void Parse_PlaceholderMsgDataIdAndIdx_AreIgnored()
    {
        var message = Assert.IsType<TextMessage>(InboundParser.Parse(Text("<MsgId>1234567890123456</MsgId><MsgDataId>xxxx</MsgDataId><Idx>xxxx</Idx>")));

        Assert.Equal(1234567890123456, message.MsgId);
    }

    [Fact]
    public void Parse_PlainTextFieldsInAnyOrderWithExtras_ParsesValues()
    {
        const string xml = "<xml><MsgId>42</MsgId><Unexpected><Nested>1</Nested></Unexpected><Content>a &amp; b</Content>" +
            "<MsgType>text</MsgType><CreateTime> 7 </CreateTime><FromUserName>o1</FromUserName><ToUserName>gh_1</ToUserName></xml>";

        var message = Assert.IsType<TextMessage>(InboundParser.Parse(xml));

        Assert.Equal("a & b", message.Content);
        Assert.Equal(42, message.MsgId);
        Assert.Equal(7, message.CreateTime);
    }

    [Fact]
    public void Parse_ContentWithSplitCDataSections_JoinsThem()
    {
        var message = Assert.IsType<TextMessage>(InboundParser.Parse(
            "<xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType>" +
            "<Content><![CDATA[x]]]]><![CDATA[>y]]></Content><MsgId>1</MsgId></xml>"));

        Assert.Equal("x]]>y", message.Content);
    }

    [Fact]
    public void Parse_ImageMessage_ReturnsImageMessage()
    {
        var message = Assert.IsType<ImageMessage>(InboundParser.Parse(Message("image",
            "<PicUrl><![CDATA[http://mmbiz.qpic.cn/pic]]></PicUrl><MediaId><![CDATA[media_id]]></MediaId><MsgId>1234567890123456</MsgId>")));

        Assert.Equal("http://mmbiz.qpic.cn/pic", message.PicUrl);
        Assert.Equal("media_id", message.MediaId);
        Assert.Equal(1234567890123456, message.MsgId);
    }

    [Fact]
    public void Parse_VoiceMessage_ReturnsVoiceMessage()
    {
        var message = Assert.IsType<VoiceMessage>(InboundParser.Parse(Message("voice",
            "<MediaId><![CDATA[media_id]]></MediaId><Format><![CDATA[amr]]></Format><Recognition><![CDATA[腾讯微信团队]]></Recognition><MsgId>1</MsgId>")));

        Assert.Equal("media_id", message.MediaId);
        Assert.Equal("amr", message.Format);
        Assert.Equal("腾讯微信团队", message.Recognition);
    }

    [Theory]
    [InlineData("video")]
    [InlineData("shortvideo")]
    public void Parse_VideoOrShortVideo_ReturnsVideoMessage(string msgType)
    {
        var message = Assert.IsType<VideoMessage>(InboundParser.Parse(Message(msgType,
            "<MediaId><![CDATA[media_id]]></MediaId><ThumbMediaId><![CDATA[thumb_media_id]]></ThumbMediaId><MsgId>1</MsgId>")));

        Assert.Equal(msgType, message.MsgType);
        Assert.Equal("media_id", message.MediaId);
        Assert.Equal("thumb_media_id", message.ThumbMediaId);
    }

    [Fact]
    public void Parse_LocationMessage_ReturnsCoordinates()
    {
        var message = Assert.IsType<LocationMessage>(InboundParser.Parse(Message("location",
            "<Location_X>23.134521</Location_X><Location_Y>113.358803</Location_Y><Scale>20</Scale><Label><![CDATA[位置信息]]></Label><MsgId>1</MsgId>")));

        Assert.Equal(23.134521, message.Latitude);
        Assert.Equal(113.358803, message.Longitude);
        Assert.Equal(20, message.Scale);
        Assert.Equal("位置信息", message.Label);
    }

    [Fact]
    public void Parse_LocationWithUnparsableScale_DefaultsToZero()
    {
        var message = Assert.IsType<LocationMessage>(InboundParser.Parse(Message("location",
            "<Location_X>1.5</Location_X><Location_Y>bad</Location_Y><Scale>xxxx</Scale><MsgId>1</MsgId>")));

        Assert.Equal(1.5, message.Latitude);
        Assert.Equal(0, message.Longitude);
        Assert.Equal(0, message.Scale);
        Assert.Null(message.Label);
    }

    [Fact]
    public void Parse_LinkMessage_ReturnsLinkMessage()
    {
        var message = Assert.IsType<LinkMessage>(InboundParser.Parse(Message("link",
            "<Title><![CDATA[公众平台官网链接]]></Title><Description><![CDATA[desc]]></Description><Url><![CDATA[https://example.com/a?b=1&c=2]]></Url><MsgId>1</MsgId>")));

        Assert.Equal("公众平台官网链接", message.Title);
        Assert.Equal("desc", message.Description);
        Assert.Equal("https://example.com/a?b=1&c=2", message.Url);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<MsgId>xxxx</MsgId>")]
    [InlineData("<MsgId>18446744073709551615</MsgId>")]
    [InlineData("<MsgId>-1</MsgId>")]
    public void Parse_UserMessageWithoutValidMsgId_Throws(string msgId)
    {
        Assert.Throws<WeChatXmlException>(() => InboundParser.Parse(Text(msgId)));
    }

    [Fact]
    public void Parse_UnknownMsgType_ReturnsUnknownMessageWithFields()
    {
        var message = Assert.IsType<UnknownMessage>(InboundParser.Parse(Message("file",
            "<Title><![CDATA[test.zip]]></Title><Description><![CDATA[]]></Description><FileTotalLen>222</FileTotalLen><MsgId>6526133992738756795</MsgId>")));

        Assert.Equal("file", message.MsgType);
        Assert.Null(message.Event);
        Assert.Equal("test.zip", message.Fields["Title"]);
        Assert.Equal("", message.Fields["Description"]);
        Assert.Equal("222", message.Fields["FileTotalLen"]);
        Assert.Equal("o_user", message.Fields["FromUserName"]);
    }

    [Fact]
    public void Parse_MsgTypeInUpperCase_IsRecognised()
    {
        Assert.IsType<TextMessage>(InboundParser.Parse(Message("TEXT", "<Content>x</Content><MsgId>1</MsgId>")));
    }

    private static string Text(string tail) => Message("text", "<Content><![CDATA[hi]]></Content>" + tail);

    private static string Message(string msgType, string body) =>
        $"<xml><ToUserName><![CDATA[gh_account]]></ToUserName><FromUserName><![CDATA[o_user]]></FromUserName>" +
        $"<CreateTime>1700000000</CreateTime><MsgType><![CDATA[{msgType}]]></MsgType>{body}</xml>";
}
