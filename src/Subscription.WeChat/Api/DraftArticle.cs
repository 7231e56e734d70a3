using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

/// <summary>One article of a draft (§13.1 step 2). <see cref="Content"/>: HTML, &lt; 20 000 chars and &lt; 1 MB, scripts stripped.</summary>
public sealed record DraftArticle
{
    [JsonPropertyName("article_type")]
    public string ArticleType { get; init; } = "news";

    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("author")]
    public string? Author { get; init; }

    [JsonPropertyName("digest")]
    public string? Digest { get; init; }

    [JsonPropertyName("content")]
    public required string Content { get; init; }

    /// <summary>"Read more" link.</summary>
    [JsonPropertyName("content_source_url")]
    public string? ContentSourceUrl { get; init; }

    /// <summary>Cover: a permanent image material's media_id.</summary>
    [JsonPropertyName("thumb_media_id")]
    public required string ThumbMediaId { get; init; }

    [JsonPropertyName("need_open_comment"), JsonConverter(typeof(ZeroOneBooleanConverter))]
    public bool NeedOpenComment { get; init; }

    [JsonPropertyName("only_fans_can_comment"), JsonConverter(typeof(ZeroOneBooleanConverter))]
    public bool OnlyFansCanComment { get; init; }
}
