using System.Globalization;
using System.Text.Json;

namespace Subscription.WeChatEmulator.Api;

/// <summary>Lenient field access: WeChat accepts ids as numbers or strings (e.g. mass/get's "msg_id":"201053012").</summary>
public static class JsonElementExtensions
{
    public static JsonElement? Prop(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? Str(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static long? Long(this JsonElement element, string name) => element.Prop(name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var v) => v,
        { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) => v,
        _ => null,
    };

    public static bool Bool(this JsonElement element, string name) => element.Prop(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.Number } n => n.TryGetInt64(out var v) && v != 0,
        _ => false,
    };

    public static JsonElement? Obj(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static JsonElement? Arr(this JsonElement element, string name) =>
        element.Prop(name) is { ValueKind: JsonValueKind.Array } value ? value : null;

    /// <summary>The string items of an array property, or null when it is missing or holds non-strings.</summary>
    public static List<string>? Strings(this JsonElement element, string name)
    {
        if (element.Arr(name) is not { } array)
        {
            return null;
        }

        var list = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            list.Add(item.GetString()!);
        }

        return list;
    }
}
