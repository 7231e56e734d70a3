using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

internal sealed record CustomTextRequest(
    [property: JsonPropertyName("touser")] string ToUser,
    [property: JsonPropertyName("text")] TextBody Text)
{
    [JsonPropertyName("msgtype")]
    public string MsgType => "text";
}

internal sealed record TextBody([property: JsonPropertyName("content")] string Content);

internal sealed record CustomNewsRequest(
    [property: JsonPropertyName("touser")] string ToUser,
    [property: JsonPropertyName("news")] NewsBody News)
{
    [JsonPropertyName("msgtype")]
    public string MsgType => "news";
}

internal sealed record NewsBody([property: JsonPropertyName("articles")] IReadOnlyList<CustomNewsItem> Articles);

internal sealed record CustomNewsItem(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("picurl")] string PicUrl);

internal sealed record TemplateSendResponse([property: JsonPropertyName("msgid")] long? MsgId);
