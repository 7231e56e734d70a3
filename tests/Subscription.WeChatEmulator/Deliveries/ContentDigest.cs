using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Subscription.WeChatEmulator.Deliveries;

/// <summary>Digests and titles of message content, for the delivery record.</summary>
public static class ContentDigest
{
    /// <summary>Hex SHA-256 (first 16 bytes) of the msgtype and the raw JSON of the content object.</summary>
    public static string Of(string msgType, JsonElement? content) =>
        Of($"{msgType}\n{content?.GetRawText()}");

    public static string Of(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))[..16]);

    /// <summary>The first 40 characters of a text, on one line.</summary>
    public static string Snippet(string? text)
    {
        var line = (text ?? "").ReplaceLineEndings(" ");
        return line.Length <= 40 ? line : line[..40] + "…";
    }
}
