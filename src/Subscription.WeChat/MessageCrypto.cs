using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Subscription.WeChat;

/// <summary>
/// Safe-mode message encryption (the WXBizMsgCrypt scheme): AES-256-CBC with key = Base64(EncodingAESKey + "="),
/// IV = first 16 key bytes, 32-byte PKCS#7, FullStr = random16 || BE int32 length || msg || appid.
/// Immutable and safe to share between threads; an <see cref="Aes"/> instance is created per call.
/// </summary>
/// <remarks>
/// The scheme has no MAC: integrity comes only from msg_signature. Always call
/// <see cref="VerifyMessageSignature"/> before <see cref="Decrypt"/>, otherwise the distinct padding and
/// length errors could serve as a padding oracle.
/// </remarks>
public sealed class MessageCrypto
{
    private const int RandomLength = 16;
    private const int HeaderLength = RandomLength + sizeof(int);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _token;
    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly byte[] _appId;

    public MessageCrypto(string token, string encodingAesKey, string appId)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentException.ThrowIfNullOrEmpty(appId);
        ArgumentNullException.ThrowIfNull(encodingAesKey);
        if (encodingAesKey.Length != 43 || !encodingAesKey.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("EncodingAESKey must be exactly 43 characters from [A-Za-z0-9].", nameof(encodingAesKey));
        }

        _token = token;
        _key = Convert.FromBase64String(encodingAesKey + "=");
        _iv = _key[..16];
        _appId = Encoding.UTF8.GetBytes(appId);
    }

    /// <summary>Encrypts with a fresh random prefix of 16 ASCII alphanumerics, like the official samples.</summary>
    public string Encrypt(string plaintext)
    {
        Span<byte> random = stackalloc byte[RandomLength];
        RandomNumberGenerator.GetItems("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"u8, random);
        return Encrypt(plaintext, random);
    }

    /// <summary>Deterministic encryption with a caller-supplied 16-byte prefix (for test vectors).</summary>
    public string Encrypt(string plaintext, ReadOnlySpan<byte> random16)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        if (random16.Length != RandomLength)
        {
            throw new ArgumentException($"The random prefix must be exactly {RandomLength} bytes.", nameof(random16));
        }

        var msgLength = Encoding.UTF8.GetByteCount(plaintext);
        var length = HeaderLength + msgLength + _appId.Length;
        var fullStr = new byte[Pkcs7Padding32.PaddedLength(length)];
        random16.CopyTo(fullStr);
        BinaryPrimitives.WriteInt32BigEndian(fullStr.AsSpan(RandomLength), msgLength);
        Encoding.UTF8.GetBytes(plaintext, fullStr.AsSpan(HeaderLength));
        _appId.CopyTo(fullStr.AsSpan(HeaderLength + msgLength));
        Pkcs7Padding32.Apply(fullStr, length);

        using var aes = CreateAes();
        return Convert.ToBase64String(aes.EncryptCbc(fullStr, _iv, PaddingMode.None));
    }

    /// <summary>Decrypts an Encrypt value and returns the inner message exactly as sent (no trimming).</summary>
    /// <exception cref="WeChatCryptoException">The value is malformed or was not encrypted for our AppID.</exception>
    public string Decrypt(string encrypt)
    {
        ArgumentNullException.ThrowIfNull(encrypt);
        var cipher = DecodeBase64(encrypt);
        if (cipher.Length == 0 || cipher.Length % 16 != 0)
        {
            throw new WeChatCryptoException(CryptoError.InvalidCiphertext, $"Ciphertext length {cipher.Length} is not a positive multiple of the AES block size.");
        }

        byte[] padded;
        using (var aes = CreateAes())
        {
            padded = aes.DecryptCbc(cipher, _iv, PaddingMode.None);
        }

        var fullStr = padded.AsSpan(0, Pkcs7Padding32.Remove(padded));
        if (fullStr.Length < HeaderLength)
        {
            throw new WeChatCryptoException(CryptoError.InvalidLength, "Plaintext is shorter than its 20-byte header.");
        }

        var msgLength = BinaryPrimitives.ReadInt32BigEndian(fullStr[RandomLength..]);
        if (msgLength < 0 || msgLength > fullStr.Length - HeaderLength)
        {
            throw new WeChatCryptoException(CryptoError.InvalidLength, $"Message length {msgLength} does not fit in the plaintext.");
        }

        var receiveId = fullStr[(HeaderLength + msgLength)..];
        if (!CryptographicOperations.FixedTimeEquals(receiveId, _appId))
        {
            throw new WeChatCryptoException(CryptoError.AppIdMismatch, "The message was encrypted for a different AppID.");
        }

        try
        {
            return StrictUtf8.GetString(fullStr.Slice(HeaderLength, msgLength));
        }
        catch (DecoderFallbackException ex)
        {
            throw new WeChatCryptoException(CryptoError.InvalidCiphertext, "The decrypted message is not valid UTF-8.", ex);
        }
    }

    /// <summary>Checks msg_signature = sha1(sort[token, timestamp, nonce, encrypt]) in fixed time.</summary>
    public bool VerifyMessageSignature(string? msgSignature, string timestamp, string nonce, string encrypt) =>
        Signature.Verify(msgSignature, _token, timestamp, nonce, encrypt);

    /// <summary>
    /// Encrypts a passive reply and wraps it in the envelope WeChat expects in safe mode (§3.6).
    /// Do not wrap "success" or an empty reply: those are sent as plain text.
    /// </summary>
    public string WrapReply(string replyXml, string timestamp, string nonce)
    {
        ArgumentNullException.ThrowIfNull(replyXml);
        return BuildEnvelope(Encrypt(replyXml), timestamp, nonce);
    }

    public string WrapReply(string replyXml, string timestamp, string nonce, ReadOnlySpan<byte> random16)
    {
        ArgumentNullException.ThrowIfNull(replyXml);
        return BuildEnvelope(Encrypt(replyXml, random16), timestamp, nonce);
    }

    private string BuildEnvelope(string encrypt, string timestamp, string nonce)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);
        var signature = Signature.Compute(_token, timestamp, nonce, encrypt);
        return ReplyEnvelope.Build(encrypt, signature, timestamp, nonce);
    }

    private static byte[] DecodeBase64(string encrypt)
    {
        try
        {
            return Convert.FromBase64String(encrypt);
        }
        catch (FormatException ex)
        {
            throw new WeChatCryptoException(CryptoError.InvalidBase64, "Encrypt is not valid base64.", ex);
        }
    }

    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = _key;
        return aes;
    }
}
