using System.Text.Json;

namespace Subscription.WeChatEmulator.Messaging;

/// <summary>
/// Keyword value rules since 2023-05-04 (§10): ≤ 20 characters, no line breaks; some keyword kinds have their
/// own caps (character_string 32, phone_number 17, car_number 8 — WxJava's rules, [1] in the spec).
/// "first" and "remark" are no longer shown and are accepted without checks.
/// </summary>
public static class TemplateDataRules
{
    private const int DefaultLimit = 20;

    private static readonly (string Prefix, int Limit)[] Limits =
    [
        ("character_string", 32),
        ("phone_number", 17),
        ("car_number", 8),
    ];

    /// <summary>The first offending field as WeChat names it in errmsg (e.g. "data.thing1.value"), or null.</summary>
    public static string? FindInvalid(JsonElement data)
    {
        foreach (var keyword in data.EnumerateObject())
        {
            if (keyword.Name is "first" or "remark")
            {
                continue;
            }

            var value = keyword.Value.ValueKind == JsonValueKind.Object && keyword.Value.TryGetProperty("value", out var v) ? v : default;
            if (value.ValueKind != JsonValueKind.String)
            {
                return $"data.{keyword.Name}.value";
            }

            var text = value.GetString()!;
            var limit = Limits.FirstOrDefault(l => keyword.Name.StartsWith(l.Prefix, StringComparison.Ordinal)).Limit;
            // Characters as a person counts them: an emoji is one, not two UTF-16 units.
            if (text.EnumerateRunes().Count() > (limit == 0 ? DefaultLimit : limit) || text.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                return $"data.{keyword.Name}.value";
            }
        }

        return null;
    }
}
