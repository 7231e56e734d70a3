using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

internal sealed record DraftAddRequest([property: JsonPropertyName("articles")] IReadOnlyList<DraftArticle> Articles);

internal sealed record MediaIdResponse([property: JsonPropertyName("media_id")] string? MediaId);

internal sealed record UrlResponse([property: JsonPropertyName("url")] string? Url);

internal sealed record QuotaRequest([property: JsonPropertyName("cgi_path")] string CgiPath);

internal sealed record QuotaResponse([property: JsonPropertyName("quota")] ApiQuota? Quota);
