using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Subscription.WeChat.Api;

internal static class WeChatJson
{
    /// <summary>The generated context with an encoder that leaves non-ASCII text literal (§6.3).</summary>
    public static WeChatJsonContext Context { get; } = new(new JsonSerializerOptions(WeChatJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>UTF-8 JSON with no <c>\uXXXX</c> escapes except the control characters JSON requires escaped.</summary>
    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> type) =>
        LiteralUnicode.Unescape(JsonSerializer.SerializeToUtf8Bytes(value, type));
}
