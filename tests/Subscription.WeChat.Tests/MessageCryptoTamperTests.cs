using System.Text;

namespace Subscription.WeChat.Tests;

public sealed class MessageCryptoTamperTests
{
    private const string Token = "pamtest";
    private const string Key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string AppId = "wxb11529c136998cb6";
    private const string Timestamp = "1409304348";
    private const string Nonce = "xxxxxx";

    private readonly MessageCrypto _crypto = new(Token, Key, AppId);

    // mp-official-java-test-aes-1: "我是中文abcd123" with random "aaaabbbbccccdddd" (64-byte ciphertext).
    private const string Encrypt = "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

    [Fact]
    public void Decrypt_FlippedByteBeforeLengthPrefix_ThrowsInvalidLength()
    {
        // CBC: flipping ciphertext byte 0 flips plaintext byte 16, the high byte of the length prefix.
        var error = Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(Flip(Encrypt, 0)));

        Assert.Equal(CryptoError.InvalidLength, error.Error);
    }

    [Fact]
    public void Decrypt_AnyFlippedByteInLastTwoBlocks_ThrowsInsteadOfReturningGarbage()
    {
        // The last two blocks hold the tail of the AppID and the padding, so every flip there is detectable.
        var length = Convert.FromBase64String(Encrypt).Length;
        for (var i = length - 32; i < length; i++)
        {
            Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(Flip(Encrypt, i)));
        }
    }

    [Fact]
    public void VerifyMessageSignature_AnyFlippedByte_ReturnsFalse()
    {
        // The scheme has no MAC; msg_signature is what catches a flip in the message body itself.
        var signature = Signature.Compute(Token, Timestamp, Nonce, Encrypt);
        Assert.True(_crypto.VerifyMessageSignature(signature, Timestamp, Nonce, Encrypt));

        for (var i = 0; i < Convert.FromBase64String(Encrypt).Length; i++)
        {
            Assert.False(_crypto.VerifyMessageSignature(signature, Timestamp, Nonce, Flip(Encrypt, i)));
        }
    }

    [Theory]
    [InlineData("wx2c2769f8efd9abc2")]
    [InlineData("wxb11529c136998cb")]
    [InlineData("wxb11529c136998cb66")]
    [InlineData("WXB11529C136998CB6")]
    public void Decrypt_EncryptedForOtherAppId_ThrowsAppIdMismatch(string otherAppId)
    {
        var other = new MessageCrypto(Token, Key, otherAppId);

        var error = Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(other.Encrypt("<xml/>")));

        Assert.Equal(CryptoError.AppIdMismatch, error.Error);
    }

    [Theory]
    [InlineData("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg=")]
    [InlineData("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOf")]
    [InlineData("not base64 at all!")]
    [InlineData("jn1L23DB-6ELqJ_6")]
    public void Decrypt_MalformedBase64_ThrowsInvalidBase64(string encrypt)
    {
        var error = Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(encrypt));

        Assert.Equal(CryptoError.InvalidBase64, error.Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(63)]
    public void Decrypt_NotWholeAesBlocks_ThrowsInvalidCiphertext(int bytes)
    {
        var truncated = Convert.ToBase64String(Convert.FromBase64String(Encrypt)[..bytes]);

        var error = Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(truncated));

        Assert.Equal(CryptoError.InvalidCiphertext, error.Error);
    }

    [Fact]
    public void Decrypt_LastBlockCutOff_Throws()
    {
        var truncated = Convert.ToBase64String(Convert.FromBase64String(Encrypt)[..48]);

        Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(truncated));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(255)]
    public void Decrypt_PadValueOutsideRange_ThrowsInvalidPadding(int padValue)
    {
        var fullStr = RawAes.FullStr("hi"u8.ToArray(), AppId);
        var padded = new byte[64];
        fullStr.CopyTo(padded, 0);
        padded.AsSpan(fullStr.Length).Fill((byte)padValue);

        var error = Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(RawAes.Encrypt(Key, padded)));

        Assert.Equal(CryptoError.InvalidPadding, error.Error);
    }

    [Fact]
    public void Decrypt_InconsistentPadBytes_ThrowsInvalidPadding()
    {
        var padded = RawAes.Pad32(RawAes.FullStr("hi"u8.ToArray(), AppId));
        padded[^2] ^= 1;

        var error = Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(RawAes.Encrypt(Key, padded)));

        Assert.Equal(CryptoError.InvalidPadding, error.Error);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100)]
    [InlineData(int.MaxValue)]
    public void Decrypt_LengthPrefixOutOfRange_ThrowsInvalidLength(int declaredLength)
    {
        var padded = RawAes.Pad32(RawAes.FullStr("hello"u8.ToArray(), AppId, declaredLength));

        var error = Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(RawAes.Encrypt(Key, padded)));

        Assert.Equal(CryptoError.InvalidLength, error.Error);
    }

    [Fact]
    public void Decrypt_ShorterThanHeader_ThrowsInvalidLength()
    {
        var padded = RawAes.Pad32(new byte[10]);

        var error = Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(RawAes.Encrypt(Key, padded)));

        Assert.Equal(CryptoError.InvalidLength, error.Error);
    }

    [Fact]
    public void Decrypt_InvalidUtf8Message_ThrowsInvalidCiphertext()
    {
        var padded = RawAes.Pad32(RawAes.FullStr([0x3C, 0xC3, 0x28, 0xFF], AppId));

        var error = Assert.Throws<WeChatCryptoException>(() => _crypto.Decrypt(RawAes.Encrypt(Key, padded)));

        Assert.Equal(CryptoError.InvalidCiphertext, error.Error);
    }

    [Fact]
    public void Decrypt_WrongKey_Throws()
    {
        var other = new MessageCrypto(Token, new string('A', 43), AppId);

        Assert.Throws<WeChatCryptoException>(() => other.Decrypt(Encrypt));
    }

    private static string Flip(string encrypt, int index)
    {
        var bytes = Convert.FromBase64String(encrypt);
        bytes[index] ^= 0x01;
        return Convert.ToBase64String(bytes);
    }
}
