using System.Text.Json.Serialization;

namespace Subscription.Server.Menu;

/// <summary>The account's custom menu in WeChat's own menu/create shape (§7), as kept in config/menu.json.</summary>
public sealed record MenuDefinition([property: JsonPropertyName("button")] IReadOnlyList<MenuButton> Buttons);

public sealed record MenuButton(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string? Type = null,
    [property: JsonPropertyName("key")] string? Key = null,
    [property: JsonPropertyName("url")] string? Url = null,
    [property: JsonPropertyName("sub_button")] IReadOnlyList<MenuButton>? SubButtons = null);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(MenuDefinition))]
internal sealed partial class MenuJsonContext : JsonSerializerContext;
