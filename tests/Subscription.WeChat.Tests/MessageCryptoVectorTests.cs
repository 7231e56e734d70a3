using System.Text;

namespace Subscription.WeChat.Tests;

public sealed class MessageCryptoVectorTests
{
    public static TheoryData<string> DecryptIds => [.. CryptoVectors.Decrypt.Select(v => v.Id)];

    public static TheoryData<string> EncryptIds => [.. CryptoVectors.Encrypt.Select(v => v.Id)];

    [Theory]
    [MemberData(nameof(DecryptIds))]
    public void VerifyMessageSignature_DecryptVector_ReturnsTrue(string id)
    {
        var v = CryptoVectors.DecryptById(id);
        var crypto = new MessageCrypto(v.Token, v.EncodingAesKey, v.ReceiveId);

        Assert.True(crypto.VerifyMessageSignature(v.MsgSignature, v.Timestamp, v.Nonce, v.Encrypt));
    }

    [Theory]
    [MemberData(nameof(DecryptIds))]
    public void Decrypt_DecryptVector_ReturnsExactMessage(string id)
    {
        var v = CryptoVectors.DecryptById(id);
        var crypto = new MessageCrypto(v.Token, v.EncodingAesKey, v.ReceiveId);

        Assert.Equal(v.Msg, crypto.Decrypt(v.Encrypt));
    }

    [Theory]
    [MemberData(nameof(DecryptIds))]
    public void Encrypt_DecryptVectorWithItsRandomPrefix_ReproducesCiphertext(string id)
    {
        var v = CryptoVectors.DecryptById(id);
        var crypto = new MessageCrypto(v.Token, v.EncodingAesKey, v.ReceiveId);

        Assert.Equal(v.Encrypt, crypto.Encrypt(v.Msg, Encoding.ASCII.GetBytes(v.Random)));
    }

    [Theory]
    [MemberData(nameof(EncryptIds))]
    public void Encrypt_FixedRandomVector_MatchesExpectedCiphertext(string id)
    {
        var v = CryptoVectors.EncryptById(id);
        var crypto = new MessageCrypto(v.Token, v.EncodingAesKey, v.ReceiveId);

        Assert.Equal(v.Encrypt, crypto.Encrypt(v.Plaintext, Encoding.ASCII.GetBytes(v.Random)));
    }

    [Theory]
    [MemberData(nameof(EncryptIds))]
    public void Decrypt_EncryptVector_ReturnsPlaintext(string id)
    {
        var v = CryptoVectors.EncryptById(id);
        var crypto = new MessageCrypto(v.Token, v.EncodingAesKey, v.ReceiveId);

        Assert.Equal(v.Plaintext, crypto.Decrypt(v.Encrypt));
    }

    [Theory]
    [MemberData(nameof(EncryptIds))]
    public void WrapReply_FixedRandomVector_EnvelopeCarriesExpectedValues(string id)
    {
        var v = CryptoVectors.EncryptById(id);
        var crypto = new MessageCrypto(v.Token, v.EncodingAesKey, v.ReceiveId);

        var envelope = TestXml.LeafValues(crypto.WrapReply(v.Plaintext, v.Timestamp, v.Nonce, Encoding.ASCII.GetBytes(v.Random)));

        Assert.Equal(v.Encrypt, envelope["Encrypt"]);
        Assert.Equal(v.MsgSignature, envelope["MsgSignature"]);
        Assert.Equal(v.Timestamp, envelope["TimeStamp"]);
        Assert.Equal(v.Nonce, envelope["Nonce"]);
        Assert.Equal(4, envelope.Count);
    }

    [Fact]
    public void WrapReply_WechatpyVector_MatchesReferenceXmlExactly()
    {
        var v = CryptoVectors.EncryptById("sdk-wechatpy-wecom-encrypt-reply");
        var crypto = new MessageCrypto(v.Token, v.EncodingAesKey, v.ReceiveId);

        var xml = crypto.WrapReply(v.Plaintext, v.Timestamp, v.Nonce, Encoding.ASCII.GetBytes(v.Random));

        Assert.Equal(
            $"<xml>\n<Encrypt><![CDATA[{v.Encrypt}]]></Encrypt>\n<MsgSignature><![CDATA[{v.MsgSignature}]]></MsgSignature>\n" +
            $"<TimeStamp>{v.Timestamp}</TimeStamp>\n<Nonce><![CDATA[{v.Nonce}]]></Nonce>\n</xml>",
            xml);
    }

    [Fact]
    public void VerifyMessageSignature_WechatpyNegativeNonce_ReturnsFalse()
    {
        var v = CryptoVectors.DecryptById("sdk-wechatpy-wecom-check-signature");
        var crypto = new MessageCrypto(v.Token, v.EncodingAesKey, v.ReceiveId);

        Assert.False(crypto.VerifyMessageSignature(v.MsgSignature, v.Timestamp, "437374424", v.Encrypt));
    }

    [Fact]
    public void VerifyMessageSignature_EncryptStartingWithPlus_SortsItFirst()
    {
        // The doc prints the sorted order ["+qdx…","1714112445","415670741","AAAAA"]: '+' (0x2B) < '0' (0x30).
        var v = CryptoVectors.DecryptById("mp-doc-safe-mode-json-debug_demo");
        Assert.StartsWith("+", v.Encrypt, StringComparison.Ordinal);

        Assert.Equal(v.MsgSignature, Signature.Compute(v.Token, v.Timestamp, v.Nonce, v.Encrypt));
    }

    [Fact]
    public void Decrypt_RejectedSenparcVector_IsIndeedInconsistent()
    {
        // Listed under "rejected" in the vector file: neither its msg_signature nor its padding holds up.
        const string encrypt =
            "LasT9+F3u/TTDVh3wUdOXtaMF/uJe8kKvvzZ54avW/DU8pSuJFy815e2rAFBz8bHNK+271sLFLbwBLHr2BOAHS32irOMt8Pwza4tm6TU+C6zWS00SLeF1RPTCd2EyGawFu9jlYHkjxc9kX5PovDI6FoiPs3LcVU2kpu2wE/cdqHsVvt583C8ynagjq3DAh62B8E1Uz9I7lM56J6siW+m82OPFaRJfRSWO6pLuGj8LnBJp0sUah27jJ4COSYuc6VQaf/LaO2K5zDgXklDmDxw/6rQeY1gJLIRuoKLEVUOLaJN3UYTgEjJmAMd1vHbEF12Ex6YYxVRW280IWlLDixgLsvpBkrSUoqXAFmQfNcRJZf3Yr/MSGlpsoUVRfNP7iJ70OtzVU3lbKcMmnn5FbB0EHNzJJSBVM/XPLr9VD9Ac+g=";
        var crypto = new MessageCrypto("weixin", "mNnY5GekpChwqhy2c4NBH90g3hND6GeI4gii2YCvKLY", "wx669ef95216eef885");

        Assert.False(crypto.VerifyMessageSignature("20f4a1263d198b696e6958e0d65e928aa68f7d96", "1570032739", "2068872452", encrypt));
        Assert.Equal("5d2bb7b812db415cdc7fea58cee6890db50d363a", Signature.Compute("weixin", "1570032739", "2068872452", encrypt));
        var error = Assert.Throws<WeChatCryptoException>(() => crypto.Decrypt(encrypt));
        Assert.Equal(CryptoError.InvalidPadding, error.Error);
    }
}
