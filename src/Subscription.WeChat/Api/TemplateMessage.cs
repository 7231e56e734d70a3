using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

/// <summary>A template message (§10). Each keyword value is limited to 20 characters without line breaks.</summary>
public sealed record TemplateMessage
{
    [JsonPropertyName("touser")]
    public required string ToUser { get; init; }

    [JsonPropertyName("template_id")]
    public required string TemplateId { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>Wins over <see cref="Url"/> when both are given.</summary>
    [JsonPropertyName("miniprogram")]
    public TemplateMiniProgram? MiniProgram { get; init; }

    /// <summary>Anti-reentry id: the same openid + id is sent only once within about 10 minutes.</summary>
    [JsonPropertyName("client_msg_id")]
    public string? ClientMsgId { get; init; }

    /// <summary>Keyword (e.g. <c>thing1</c>) → value.</summary>
    [JsonPropertyName("data"), JsonConverter(typeof(TemplateDataConverter))]
    public required IReadOnlyDictionary<string, string> Data { get; init; }
}

public sealed record TemplateMiniProgram(
    [property: JsonPropertyName("appid")] string AppId,
    [property: JsonPropertyName("pagepath")] string PagePath);
