namespace Subscription.WeChat.Tests;

public sealed class DeduplicationKeyTests
{
    [Fact]
    public void DeduplicationKey_UserMessage_UsesMsgId()
    {
        var message = InboundParser.Parse(Envelope("text", "<Content>hi</Content><MsgId>6054768590064713728</MsgId>"));

        Assert.Equal("msg:6054768590064713728", message.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_EventWithoutKey_UsesSenderTimeAndEvent()
    {
        var message = InboundParser.Parse(Envelope("event", "<Event>subscribe</Event><EventKey><![CDATA[]]></EventKey>"));

        Assert.Equal("evt:o_user:1700000000:subscribe", message.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_EventWithKey_AppendsEventKey()
    {
        var message = InboundParser.Parse(Envelope("event", "<Event>CLICK</Event><EventKey>LATEST</EventKey>"));

        Assert.Equal("evt:o_user:1700000000:CLICK:LATEST", message.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_QrSubscribe_AppendsRawEventKey()
    {
        var message = InboundParser.Parse(Envelope("event", "<Event>subscribe</Event><EventKey>qrscene_7</EventKey><Ticket>T</Ticket>"));

        Assert.Equal("evt:o_user:1700000000:subscribe:qrscene_7", message.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_MassSendJobFinish_UsesJobId()
    {
        var message = InboundParser.Parse(Envelope("event", "<Event>MASSSENDJOBFINISH</Event><MsgID>1000001625</MsgID><Status>send success</Status>"));

        Assert.Equal("evt:MASSSENDJOBFINISH:1000001625", message.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_TemplateSendJobFinish_UsesJobId()
    {
        var message = InboundParser.Parse(Envelope("event", "<Event>TEMPLATESENDJOBFINISH</Event><MsgID>200163840</MsgID><Status>success</Status>"));

        Assert.Equal("evt:TEMPLATESENDJOBFINISH:200163840", message.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_JobFinishWithoutMsgId_FallsBackToEventKey()
    {
        var message = InboundParser.Parse(Envelope("event", "<Event>MASSSENDJOBFINISH</Event><MsgID>xxxx</MsgID>"));

        Assert.Equal("evt:o_user:1700000000:MASSSENDJOBFINISH", message.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_UnknownEvent_UsesEventFormula()
    {
        var message = InboundParser.Parse(Envelope("event", "<Event>scancode_push</Event><EventKey>rselfmenu_0_1</EventKey>"));

        Assert.Equal("evt:o_user:1700000000:scancode_push:rselfmenu_0_1", message.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_UnknownMessageWithMsgId_UsesMsgId()
    {
        var message = InboundParser.Parse(Envelope("file", "<Title>a.zip</Title><MsgId>6526133992738756795</MsgId>"));

        Assert.Equal("msg:6526133992738756795", message.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_UnknownMessageWithoutMsgId_UsesSenderTimeAndType()
    {
        var message = InboundParser.Parse(Envelope("miniprogrampage", "<Title>t</Title>"));

        Assert.Equal("msg:o_user:1700000000:miniprogrampage", message.DeduplicationKey);
    }

    [Fact]
    public void DeduplicationKey_SameEventRetried_IsIdentical()
    {
        var xml = Envelope("event", "<Event>SCAN</Event><EventKey>42</EventKey><Ticket>T</Ticket>");

        Assert.Equal(InboundParser.Parse(xml).DeduplicationKey, InboundParser.Parse(xml).DeduplicationKey);
    }

    private static string Envelope(string msgType, string body) =>
        $"<xml><ToUserName>gh_account</ToUserName><FromUserName>o_user</FromUserName><CreateTime>1700000000</CreateTime><MsgType>{msgType}</MsgType>{body}</xml>";
}
