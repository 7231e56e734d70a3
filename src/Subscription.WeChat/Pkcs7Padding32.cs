namespace Subscription.WeChat;

/// <summary>
/// PKCS#7 over 32-byte blocks, as WXBizMsgCrypt uses (K = AES key length, not the 16-byte AES block).
/// .NET's PaddingMode.PKCS7 pads to 16 and rejects pad bytes above 16, hence this manual version.
/// </summary>
internal static class Pkcs7Padding32
{
    public const int BlockSize = 32;

    /// <summary>Padded length for <paramref name="length"/> bytes: always adds 1..32 bytes.</summary>
    public static int PaddedLength(int length) => length + PadCount(length);

    /// <summary>Fills <c>buffer[length..]</c> with the pad bytes; the buffer must be <see cref="PaddedLength"/> long.</summary>
    public static void Apply(Span<byte> buffer, int length)
    {
        var pad = PadCount(length);
        buffer.Slice(length, pad).Fill((byte)pad);
    }

    /// <summary>
    /// Returns the unpadded length. The official samples treat a last byte outside 1..32 as "no padding"
    /// and never check the other pad bytes; we reject both, because every sender (WeChat included) pads
    /// correctly and a malformed pad is the cheapest sign of a wrong key or a corrupted ciphertext.
    /// </summary>
    public static int Remove(ReadOnlySpan<byte> padded)
    {
        if (padded.IsEmpty)
        {
            throw Invalid("empty plaintext");
        }

        int pad = padded[^1];
        if (pad < 1 || pad > BlockSize || pad > padded.Length)
        {
            throw Invalid($"pad value {pad} outside 1..{BlockSize}");
        }

        if (padded[^pad..].ContainsAnyExcept((byte)pad))
        {
            throw Invalid("inconsistent pad bytes");
        }

        return padded.Length - pad;
    }

    private static int PadCount(int length) => BlockSize - (length % BlockSize);

    private static WeChatCryptoException Invalid(string detail) =>
        new(CryptoError.InvalidPadding, $"Invalid 32-byte PKCS#7 padding: {detail}.");
}
