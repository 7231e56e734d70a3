namespace Subscription.WeChat.Tests;

public sealed class MessageCryptoReplyTests
{
    private const string Token = "AAAAA";
    private const string Key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string AppId = "wxba5fad812f8e6fb9";

    private readonly MessageCrypto _crypto = new(Token, Key, AppId);

    [Fact]
    public void WrapReply_TextReply_DecryptsBackAndSignatureVerifies()
    {
        var reply = ReplyBuilder.Text("o_follower", "gh_account", 1713424427, "最新一期 ]]> 😀");

        var envelope = TestXml.LeafValues(_crypto.WrapReply(reply, "1713424427", "415670741"));

        Assert.Equal("1713424427", envelope["TimeStamp"]);
        Assert.Equal("415670741", envelope["Nonce"]);
        Assert.True(_crypto.VerifyMessageSignature(envelope["MsgSignature"], envelope["TimeStamp"], envelope["Nonce"], envelope["Encrypt"]));
        var decrypted = _crypto.Decrypt(envelope["Encrypt"]);
        Assert.Equal(reply, decrypted);
        Assert.Equal("最新一期 ]]> 😀", TestXml.LeafValues(decrypted)["Content"]);
    }

    [Fact]
    public void WrapReply_NewsReply_DecryptsBack()
    {
        var reply = ReplyBuilder.News("o", "gh", 1, new NewsArticle("t", "d", "https://p", "https://u"));

        var envelope = InboundParser.ReadEnvelope(_crypto.WrapReply(reply, "1", "n"));

        Assert.Equal(reply, _crypto.Decrypt(envelope.Encrypt));
    }

    [Fact]
    public void WrapReply_CalledTwice_UsesFreshRandomPrefix()
    {
        var first = TestXml.LeafValues(_crypto.WrapReply("<xml/>", "1", "n"))["Encrypt"];
        var second = TestXml.LeafValues(_crypto.WrapReply("<xml/>", "1", "n"))["Encrypt"];

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void WrapReply_HostileNonceAndTimestamp_StaysWellFormedAndSigned()
    {
        const string nonce = "n]]><x>";
        const string timestamp = "1<2&3";

        var envelope = TestXml.LeafValues(_crypto.WrapReply("<xml/>", timestamp, nonce));

        Assert.Equal(nonce, envelope["Nonce"]);
        Assert.Equal(timestamp, envelope["TimeStamp"]);
        Assert.True(_crypto.VerifyMessageSignature(envelope["MsgSignature"], timestamp, nonce, envelope["Encrypt"]));
    }

    [Fact]
    public void WrapReply_OtherAppIdCannotOpenIt()
    {
        var other = new MessageCrypto(Token, Key, "wx0000000000000000");
        var envelope = InboundParser.ReadEnvelope(_crypto.WrapReply("<xml/>", "1", "n"));

        var error = Assert.Throws<WeChatCryptoException>(() => other.Decrypt(envelope.Encrypt));

        Assert.Equal(CryptoError.AppIdMismatch, error.Error);
    }
}
