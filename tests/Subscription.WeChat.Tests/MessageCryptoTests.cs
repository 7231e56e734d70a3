using System.Text;

namespace Subscription.WeChat.Tests;

public sealed class MessageCryptoTests
{
    private const string Token = "pamtest";
    private const string Key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string AppId = "wxb11529c136998cb6";

    private readonly MessageCrypto _crypto = new(Token, Key, AppId);

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("我是中文abcd123")]
    [InlineData("emoji 😀👍🏽 and 🀄")]
    [InlineData("<xml>\n<Content><![CDATA[line1\nline2]]></Content>\n</xml>\n")]
    public void Encrypt_RandomPrefix_RoundTripsExactly(string plaintext)
    {
        var encrypt = _crypto.Encrypt(plaintext);

        Assert.Equal(plaintext, _crypto.Decrypt(encrypt));
    }

    [Fact]
    public void Encrypt_LongMessage_RoundTrips()
    {
        var plaintext = string.Concat(Enumerable.Repeat("订阅 newsletter ✉️ ", 500));

        Assert.Equal(plaintext, _crypto.Decrypt(_crypto.Encrypt(plaintext)));
    }

    [Fact]
    public void Encrypt_CalledTwice_UsesFreshRandomPrefix()
    {
        Assert.NotEqual(_crypto.Encrypt("same"), _crypto.Encrypt("same"));
    }

    [Fact]
    public void Encrypt_RandomPrefix_IsSixteenAsciiAlphanumerics()
    {
        var fullStr = RawAes.Decrypt(Key, _crypto.Encrypt("x"));

        Assert.All(fullStr[..16], b => Assert.True(char.IsAsciiLetterOrDigit((char)b)));
    }

    [Fact]
    public void Encrypt_AlignedFullStr_AppendsFullPadBlock()
    {
        // 16 random + 4 length + 26 msg + 18 appid = 64 bytes: already aligned, so a whole block of 32 × 0x20 follows.
        var plaintext = new string('m', 26);

        var encrypt = _crypto.Encrypt(plaintext);
        var padded = RawAes.Decrypt(Key, encrypt);

        Assert.Equal(96, padded.Length);
        Assert.All(padded[64..], b => Assert.Equal(32, b));
        Assert.Equal(plaintext, _crypto.Decrypt(encrypt));
    }

    [Fact]
    public void Encrypt_EveryLength_PadsToMultipleOf32WithCorrectPad()
    {
        for (var length = 0; length <= 70; length++)
        {
            var padded = RawAes.Decrypt(Key, _crypto.Encrypt(new string('a', length)));
            var unpadded = 20 + length + AppId.Length;

            Assert.Equal(0, padded.Length % 32);
            Assert.InRange(padded.Length - unpadded, 1, 32);
            Assert.All(padded[unpadded..], b => Assert.Equal(padded.Length - unpadded, b));
        }
    }

    [Fact]
    public void Encrypt_MultiByteText_WritesByteLengthPrefix()
    {
        var padded = RawAes.Decrypt(Key, _crypto.Encrypt("我是中文abcd123"));

        Assert.Equal(new byte[] { 0, 0, 0, 19 }, padded[16..20]);
    }

    [Fact]
    public void Encrypt_WrongRandomLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => _crypto.Encrypt("x", new byte[15]));
    }

    [Fact]
    public void Decrypt_ConcurrentCallsOnOneInstance_AllRoundTrip()
    {
        Parallel.For(0, 2000, i =>
        {
            var plaintext = $"message {i} 中文";
            Assert.Equal(plaintext, _crypto.Decrypt(_crypto.Encrypt(plaintext)));
        });
    }

    [Theory]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF+")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEF=")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFé")]
    [InlineData("")]
    public void Constructor_KeyNot43Alphanumerics_Throws(string key)
    {
        Assert.Throws<ArgumentException>(() => new MessageCrypto(Token, key, AppId));
    }

    [Fact]
    public void Constructor_ValidKey_Succeeds()
    {
        var crypto = new MessageCrypto(Token, new string('A', 43), AppId);

        Assert.Equal("ok", crypto.Decrypt(crypto.Encrypt("ok")));
    }

    [Fact]
    public void Decrypt_TextEncoding_IsUtf8()
    {
        var fullStr = RawAes.Pad32(RawAes.FullStr(Encoding.UTF8.GetBytes("你好"), AppId));

        Assert.Equal("你好", _crypto.Decrypt(RawAes.Encrypt(Key, fullStr)));
    }
}
