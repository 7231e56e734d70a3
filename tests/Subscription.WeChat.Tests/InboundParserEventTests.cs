namespace Subscription.WeChat.Tests;

public sealed class InboundParserEventTests
{
    [Fact]
    public void Parse_PlainSubscribe_HasNoSceneOrTicket()
    {
        var e = Assert.IsType<SubscribeEvent>(InboundParser.Parse(Event("subscribe", "")));

        Assert.Equal("subscribe", e.Event);
        Assert.Equal("event", e.MsgType);
        Assert.Null(e.EventKey);
        Assert.Null(e.Scene);
        Assert.Null(e.Ticket);
    }

    [Fact]
    public void Parse_SubscribeWithEmptyEventKey_TreatsKeyAsAbsent()
    {
        var e = Assert.IsType<SubscribeEvent>(InboundParser.Parse(Event("subscribe", "<EventKey><![CDATA[]]></EventKey>")));

        Assert.Null(e.EventKey);
        Assert.Null(e.Scene);
    }

    [Fact]
    public void Parse_SubscribeWithSelfClosingEventKey_TreatsKeyAsAbsent()
    {
        var e = Assert.IsType<SubscribeEvent>(InboundParser.Parse(Event("subscribe", "<EventKey/>")));

        Assert.Null(e.EventKey);
    }

    [Fact]
    public void Parse_SubscribeViaQrCode_StripsQrscenePrefix()
    {
        var e = Assert.IsType<SubscribeEvent>(InboundParser.Parse(Event("subscribe",
            "<EventKey><![CDATA[qrscene_123123]]></EventKey><Ticket><![CDATA[gQH47joAAAAAAAAAASxodHRw]]></Ticket>")));

        Assert.Equal("qrscene_123123", e.EventKey);
        Assert.Equal("123123", e.Scene);
        Assert.Equal("gQH47joAAAAAAAAAASxodHRw", e.Ticket);
    }

    [Fact]
    public void Parse_SubscribeViaStringScene_KeepsSceneText()
    {
        var e = Assert.IsType<SubscribeEvent>(InboundParser.Parse(Event("subscribe",
            "<EventKey><![CDATA[qrscene_issue:42]]></EventKey><Ticket><![CDATA[T]]></Ticket>")));

        Assert.Equal("issue:42", e.Scene);
    }

    [Fact]
    public void Parse_Unsubscribe_ReturnsUnsubscribeEvent()
    {
        var e = Assert.IsType<UnsubscribeEvent>(InboundParser.Parse(Event("unsubscribe", "<EventKey><![CDATA[]]></EventKey>")));

        Assert.Equal("o_user", e.FromUserName);
    }

    [Fact]
    public void Parse_Scan_SceneIsEventKeyWithoutPrefix()
    {
        var e = Assert.IsType<ScanEvent>(InboundParser.Parse(Event("SCAN",
            "<EventKey><![CDATA[SCENE_VALUE]]></EventKey><Ticket><![CDATA[TICKET]]></Ticket>")));

        Assert.Equal("SCENE_VALUE", e.Scene);
        Assert.Equal("SCENE_VALUE", e.EventKey);
        Assert.Equal("TICKET", e.Ticket);
    }

    [Fact]
    public void Parse_Click_ExposesKey()
    {
        var e = Assert.IsType<ClickEvent>(InboundParser.Parse(Event("CLICK", "<EventKey><![CDATA[LATEST_ISSUE]]></EventKey>")));

        Assert.Equal("LATEST_ISSUE", e.Key);
    }

    [Fact]
    public void Parse_ViewWithMenuId_ExposesUrlAndMenuId()
    {
        var e = Assert.IsType<ViewEvent>(InboundParser.Parse(Event("VIEW",
            "<EventKey><![CDATA[https://example.com/issues/42]]></EventKey><MenuId>208396938</MenuId>")));

        Assert.Equal("https://example.com/issues/42", e.Url);
        Assert.Equal("208396938", e.MenuId);
    }

    [Fact]
    public void Parse_ViewWithoutMenuId_HasNullMenuId()
    {
        var e = Assert.IsType<ViewEvent>(InboundParser.Parse(Event("VIEW", "<EventKey><![CDATA[www.qq.com]]></EventKey>")));

        Assert.Equal("www.qq.com", e.Url);
        Assert.Null(e.MenuId);
    }

    [Fact]
    public void Parse_LocationEvent_ParsesDecimals()
    {
        var e = Assert.IsType<LocationEvent>(InboundParser.Parse(Event("LOCATION",
            "<Latitude>23.137466</Latitude><Longitude>113.352425</Longitude><Precision>119.385040</Precision>")));

        Assert.Equal(23.137466, e.Latitude);
        Assert.Equal(113.352425, e.Longitude);
        Assert.Equal(119.385040, e.Precision);
    }

    [Fact]
    public void Parse_MassSendJobFinishWithCopyrightResult_ParsesCounts()
    {
        var e = Assert.IsType<MassSendJobFinishEvent>(InboundParser.Parse(Event("MASSSENDJOBFINISH", """
            <MsgID>1000001625</MsgID>
            <Status><![CDATA[err(30003)]]></Status>
            <TotalCount>100</TotalCount>
            <FilterCount>80</FilterCount>
            <SentCount>75</SentCount>
            <ErrorCount>5</ErrorCount>
            <CopyrightCheckResult>
              <Count>2</Count>
              <ResultList>
                <item><ArticleIdx>1</ArticleIdx><OriginalArticleUrl><![CDATA[Url_1]]></OriginalArticleUrl></item>
                <item><ArticleIdx>2</ArticleIdx><OriginalArticleUrl><![CDATA[Url_2]]></OriginalArticleUrl></item>
              </ResultList>
              <CheckState>2</CheckState>
            </CopyrightCheckResult>
            <ArticleUrlResult><Count>1</Count><ResultList><item><ArticleIdx>1</ArticleIdx><ArticleUrl><![CDATA[Url]]></ArticleUrl></item></ResultList></ArticleUrlResult>
            """)));

        Assert.Equal(1000001625, e.MsgId);
        Assert.Equal("err(30003)", e.Status);
        Assert.Equal((100, 80, 75, 5), (e.TotalCount, e.FilterCount, e.SentCount, e.ErrorCount));
    }

    [Fact]
    public void Parse_LegacyMassSendJobFinish_KeepsRawStatus()
    {
        var e = Assert.IsType<MassSendJobFinishEvent>(InboundParser.Parse(Event("MASSSENDJOBFINISH",
            "<MsgID>1988</MsgID><Status><![CDATA[sendsuccess]]></Status><TotalCount>xxxx</TotalCount>")));

        Assert.Equal(1988, e.MsgId);
        Assert.Equal("sendsuccess", e.Status);
        Assert.Equal(0, e.TotalCount);
    }

    [Theory]
    [InlineData("success")]
    [InlineData("failed:user block")]
    [InlineData("failed: system failed")]
    public void Parse_TemplateSendJobFinish_KeepsExactStatus(string status)
    {
        var e = Assert.IsType<TemplateSendJobFinishEvent>(InboundParser.Parse(Event("TEMPLATESENDJOBFINISH",
            $"<MsgID>200163836</MsgID><Status><![CDATA[{status}]]></Status>")));

        Assert.Equal(200163836, e.MsgId);
        Assert.Equal(status, e.Status);
    }

    [Theory]
    [InlineData("SUBSCRIBE", typeof(SubscribeEvent))]
    [InlineData("Unsubscribe", typeof(UnsubscribeEvent))]
    [InlineData("scan", typeof(ScanEvent))]
    [InlineData("click", typeof(ClickEvent))]
    [InlineData("view", typeof(ViewEvent))]
    [InlineData("location", typeof(LocationEvent))]
    [InlineData("MassSendJobFinish", typeof(MassSendJobFinishEvent))]
    [InlineData("templatesendjobfinish", typeof(TemplateSendJobFinishEvent))]
    public void Parse_EventNameInOtherCase_MapsToSameType(string name, Type expected)
    {
        var e = InboundParser.Parse(Event(name, "<EventKey>k</EventKey>"));

        Assert.IsType(expected, e);
        Assert.Equal(name, ((EventMessage)e).Event);
    }

    [Fact]
    public void Parse_UnknownEvent_ReturnsUnknownMessageWithNestedFields()
    {
        var e = Assert.IsType<UnknownMessage>(InboundParser.Parse(Event("PUBLISHJOBFINISH", """
            <PublishEventInfo>
              <publish_id>2247503051</publish_id>
              <publish_status>0</publish_status>
              <article_detail><count>1</count><item><idx>1</idx></item><item><idx>2</idx></item></article_detail>
            </PublishEventInfo>
            """)));

        Assert.Equal("PUBLISHJOBFINISH", e.Event);
        Assert.Equal("event", e.MsgType);
        Assert.Equal("2247503051", e.Fields["PublishEventInfo/publish_id"]);
        Assert.Equal("1", e.Fields["PublishEventInfo/article_detail/item/idx"]);
        Assert.False(e.Fields.ContainsKey("PublishEventInfo"));
    }

    [Theory]
    [InlineData("<Event><![CDATA[scancode_push]]></Event><EventKey>rselfmenu_0_1</EventKey><ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo>")]
    [InlineData("<Event><![CDATA[subscribe_msg_popup_event]]></Event><SubscribeMsgPopupEvent><List><TemplateId>T</TemplateId></List></SubscribeMsgPopupEvent>")]
    [InlineData("<Event><![CDATA[]]></Event>")]
    [InlineData("")]
    public void Parse_EventWithoutModel_ReturnsUnknownMessage(string body)
    {
        var xml = "<xml><ToUserName>gh</ToUserName><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType>" + body + "</xml>";

        Assert.IsType<UnknownMessage>(InboundParser.Parse(xml));
    }

    private static string Event(string name, string body) => $"""
        <xml>
            <ToUserName><![CDATA[gh_account]]></ToUserName>
            <FromUserName><![CDATA[o_user]]></FromUserName>
            <CreateTime>123456789</CreateTime>
            <MsgType><![CDATA[event]]></MsgType>
            <Event><![CDATA[{name}]]></Event>
            {body}
        </xml>
        """;
}
