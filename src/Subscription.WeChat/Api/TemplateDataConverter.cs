using System.Text.Json;
using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

/// <summary>Template data keyword → value, on the wire as <c>{"thing1":{"value":"…"}}</c> (§10).</summary>
internal sealed class TemplateDataConverter : JsonConverter<IReadOnlyDictionary<string, string>>
{
    public override IReadOnlyDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var data = new Dictionary<string, string>();
        using var document = JsonDocument.ParseValue(ref reader);
        foreach (var keyword in document.RootElement.EnumerateObject())
        {
            data[keyword.Name] = keyword.Value.GetProperty("value").GetString() ?? "";
        }

        return data;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (keyword, text) in value)
        {
            writer.WritePropertyName(keyword);
            writer.WriteStartObject();
            writer.WriteString("value", text);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
