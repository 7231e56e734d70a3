using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

/// <summary>A permanent material (§12): <see cref="MediaId"/> for thumb_media_id, <see cref="Url"/> for images.</summary>
public sealed record UploadedMaterial(
    [property: JsonPropertyName("media_id")] string MediaId,
    [property: JsonPropertyName("url")] string? Url);
