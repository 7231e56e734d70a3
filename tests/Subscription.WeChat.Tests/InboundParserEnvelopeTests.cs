namespace Subscription.WeChat.Tests;

public sealed class InboundParserEnvelopeTests
{
    [Fact]
    public void ReadEnvelope_SafeModeBody_ReturnsEncryptAndToUserName()
    {
        var v = CryptoVectors.DecryptById("mp-official-cpp-sample-decrypt");
        var body = $"<xml><ToUserName><![CDATA[toUser]]></ToUserName><Encrypt><![CDATA[{v.Encrypt}]]></Encrypt></xml>";

        var envelope = InboundParser.ReadEnvelope(body);

        Assert.Equal(new EncryptedEnvelope("toUser", v.Encrypt), envelope);
    }

    [Fact]
    public void ReadEnvelope_IndentedBody_IgnoresFormattingWhitespace()
    {
        var v = CryptoVectors.DecryptById("open-platform-doc-message-push-debug_demo");
        var body = $"<xml>\n    <ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>\n    <Encrypt><![CDATA[{v.Encrypt}]]></Encrypt>\n</xml>";

        var envelope = InboundParser.ReadEnvelope(body);

        Assert.Equal("gh_97417a04a28d", envelope.ToUserName);
        Assert.Equal(v.Encrypt, envelope.Encrypt);
    }

    [Fact]
    public void ReadEnvelope_CompatibleModeBody_ReadsEncryptWhileParseReadsPlainFields()
    {
        var v = CryptoVectors.DecryptById("mp-official-python-sample-compat-decrypt");
        var body = "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>" +
            "<CreateTime>1409735668</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[abcdteT]]></Content>" +
            $"<MsgId>6054768590064713728</MsgId><Encrypt><![CDATA[{v.Encrypt}]]></Encrypt></xml>";

        var envelope = InboundParser.ReadEnvelope(body);
        var plain = Assert.IsType<TextMessage>(InboundParser.Parse(body));

        Assert.Equal(v.Encrypt, envelope.Encrypt);
        Assert.Equal("abcdteT", plain.Content);
        Assert.Equal(6054768590064713728, plain.MsgId);
    }

    [Fact]
    public void ReadEnvelope_NoToUserName_ReturnsNullToUserName()
    {
        var envelope = InboundParser.ReadEnvelope("<xml><Encrypt>abc=</Encrypt></xml>");

        Assert.Null(envelope.ToUserName);
        Assert.Equal("abc=", envelope.Encrypt);
    }

    [Theory]
    [InlineData("<xml><ToUserName>gh</ToUserName></xml>")]
    [InlineData("<xml><ToUserName>gh</ToUserName><Encrypt><![CDATA[]]></Encrypt></xml>")]
    [InlineData("<xml><Wrapper><Encrypt>abc</Encrypt></Wrapper></xml>")]
    [InlineData("<envelope><Encrypt>abc</Encrypt></envelope>")]
    [InlineData("not xml")]
    [InlineData("")]
    public void ReadEnvelope_NoUsableEncrypt_Throws(string body)
    {
        Assert.Throws<WeChatXmlException>(() => InboundParser.ReadEnvelope(body));
    }

    [Theory]
    [InlineData("mp-official-cpp-sample-decrypt", "abcdteT", 6057404712141979648)]
    [InlineData("mp-official-python-sample-compat-decrypt", "abcdteT", 6054768590064713728)]
    [InlineData("sdk-senparc-compat-mode", "你好", 6074746557628292943)]
    [InlineData("mp-easywechat-test-decrypt", "hello", 12345)]
    public void Parse_DecryptedVectorMessage_ReturnsTextMessage(string id, string content, long msgId)
    {
        var v = CryptoVectors.DecryptById(id);
        var crypto = new MessageCrypto(v.Token, v.EncodingAesKey, v.ReceiveId);
        var body = $"<xml><ToUserName><![CDATA[gh]]></ToUserName><Encrypt><![CDATA[{v.Encrypt}]]></Encrypt></xml>";

        var envelope = InboundParser.ReadEnvelope(body);
        Assert.True(crypto.VerifyMessageSignature(v.MsgSignature, v.Timestamp, v.Nonce, envelope.Encrypt));
        var message = Assert.IsType<TextMessage>(InboundParser.Parse(crypto.Decrypt(envelope.Encrypt)));

        Assert.Equal(content, message.Content);
        Assert.Equal(msgId, message.MsgId);
    }

    [Fact]
    public void Parse_DecryptedFileMessage_ReturnsUnknownMessage()
    {
        var v = CryptoVectors.DecryptById("sdk-senparc-file-message");
        var crypto = new MessageCrypto(v.Token, v.EncodingAesKey, v.ReceiveId);

        var message = Assert.IsType<UnknownMessage>(InboundParser.Parse(crypto.Decrypt(v.Encrypt)));

        Assert.Equal("file", message.MsgType);
        Assert.Equal("test.zip", message.Fields["Title"]);
        Assert.Equal("msg:6526133992738756795", message.DeduplicationKey);
    }

    [Fact]
    public void Parse_DecryptedDebugDemoEvent_ReturnsUnknownEvent()
    {
        var v = CryptoVectors.DecryptById("open-platform-doc-message-push-debug_demo");
        var crypto = new MessageCrypto(v.Token, v.EncodingAesKey, v.ReceiveId);

        var message = Assert.IsType<UnknownMessage>(InboundParser.Parse(crypto.Decrypt(v.Encrypt)));

        Assert.Equal("debug_demo", message.Event);
        Assert.Equal("hello world", message.Fields["debug_str"]);
    }
}
