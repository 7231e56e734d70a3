using System.Text.Json;
using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

/// <summary>WeChat's 0/1 flags (subscribe, need_open_comment, send_ignore_reprint) as <see cref="bool"/>.</summary>
internal sealed class ZeroOneBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Number => reader.GetInt64() != 0,
        JsonTokenType.String => reader.GetString() is not (null or "" or "0"),
        _ => throw new JsonException($"Expected 0/1, got {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteNumberValue(value ? 1 : 0);
}
