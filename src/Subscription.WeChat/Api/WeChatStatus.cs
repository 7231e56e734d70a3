using System.Text.Json;
using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

/// <summary>The errcode/errmsg every answer may carry; errcode absent means success (§6.3).</summary>
internal sealed record WeChatStatus(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("errmsg")] string? ErrMsg)
{
    /// <summary>
    /// Reads the two fields of every answer, skipping the rest, as the serializer would (null for a JSON null),
    /// in one pass without its object machinery: every WeChat call reads them, a broadcast thousands a second.
    /// </summary>
    /// <exception cref="JsonException">Not one JSON object, or errcode/errmsg of the wrong type.</exception>
    public static WeChatStatus? Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return End(ref reader, null);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object, found {reader.TokenType}.");
        }

        int errCode = 0;
        string? errMsg = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var (isCode, isMessage) = (reader.ValueTextEquals("errcode"u8), reader.ValueTextEquals("errmsg"u8));
            reader.Read();
            if (isCode)
            {
                errCode = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var code)
                    ? code
                    : throw new JsonException($"errcode is not a 32-bit integer ({reader.TokenType}).");
            }
            else if (isMessage)
            {
                errMsg = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Null => null,
                    _ => throw new JsonException($"errmsg is not a string ({reader.TokenType})."),
                };
            }
            else
            {
                reader.Skip();
            }
        }

        return End(ref reader, new WeChatStatus(errCode, errMsg));
    }

    private static WeChatStatus? End(ref Utf8JsonReader reader, WeChatStatus? status) =>
        reader.Read() ? throw new JsonException("More than one JSON value.") : status;
}
