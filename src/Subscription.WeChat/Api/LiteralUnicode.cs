using System.Text;

namespace Subscription.WeChat.Api;

/// <summary>
/// Rewrites <c>\uXXXX</c> escapes in serializer output as literal UTF-8. WeChat rejects any such escape with
/// 40033 (§6.3), and even <c>UnsafeRelaxedJsonEscaping</c> still escapes non-BMP characters (emoji) as
/// surrogate pairs, plus U+2028/U+2029 and characters its Unicode table does not know.
/// </summary>
internal static class LiteralUnicode
{
    public static byte[] Unescape(byte[] json)
    {
        if (json.AsSpan().IndexOf("\\u"u8) < 0)
        {
            return json;
        }

        // Never grows: 6 escaped bytes become ≤ 3 UTF-8 bytes, a 12-byte surrogate pair becomes 4.
        var output = new byte[json.Length];
        int read = 0, written = 0;
        while (read < json.Length)
        {
            if (json[read] != (byte)'\\')
            {
                output[written++] = json[read++];
                continue;
            }

            // Serializer output is valid JSON, so every backslash starts a complete escape.
            if (json[read + 1] != (byte)'u')
            {
                output[written++] = json[read++];
                output[written++] = json[read++];
                continue;
            }

            var unit = ReadHex4(json, read + 2);
            if (unit < 0x20 || unit == '"' || unit == '\\')
            {
                // JSON requires these to stay escaped.
                json.AsSpan(read, 6).CopyTo(output.AsSpan(written));
                read += 6;
                written += 6;
                continue;
            }

            Rune rune;
            if (char.IsHighSurrogate((char)unit) && TryReadLowSurrogate(json, read + 6, out var low))
            {
                rune = new Rune((char)unit, low);
                read += 12;
            }
            else
            {
                rune = char.IsSurrogate((char)unit) ? Rune.ReplacementChar : new Rune(unit);
                read += 6;
            }

            written += rune.EncodeToUtf8(output.AsSpan(written));
        }

        return output[..written];
    }

    private static bool TryReadLowSurrogate(byte[] json, int index, out char low)
    {
        low = default;
        if (index + 6 > json.Length || json[index] != (byte)'\\' || json[index + 1] != (byte)'u')
        {
            return false;
        }

        low = (char)ReadHex4(json, index + 2);
        return char.IsLowSurrogate(low);
    }

    private static int ReadHex4(byte[] json, int index)
    {
        var value = 0;
        for (var i = index; i < index + 4; i++)
        {
            value = (value << 4) | HexDigit(json[i]);
        }

        return value;
    }

    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => throw new FormatException("Invalid \\u escape in serializer output."),
    };
}
