using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

/// <summary>sendall (with <see cref="Filter"/>) and send (with <see cref="ToUsers"/>), §13.2–13.3.</summary>
internal sealed record MassSendRequest
{
    [JsonPropertyName("filter")]
    public MassFilter? Filter { get; init; }

    [JsonPropertyName("touser")]
    public IReadOnlyCollection<string>? ToUsers { get; init; }

    [JsonPropertyName("mpnews")]
    public MediaIdBody? MpNews { get; init; }

    [JsonPropertyName("text")]
    public TextBody? Text { get; init; }

    [JsonPropertyName("msgtype")]
    public required string MsgType { get; init; }

    [JsonPropertyName("send_ignore_reprint"), JsonConverter(typeof(ZeroOneBooleanConverter))]
    public bool SendIgnoreReprint { get; init; }

    [JsonPropertyName("clientmsgid")]
    public string? ClientMsgId { get; init; }
}

internal sealed record MassFilter(
    [property: JsonPropertyName("is_to_all")] bool IsToAll,
    [property: JsonPropertyName("tag_id")] int? TagId);

internal sealed record MediaIdBody([property: JsonPropertyName("media_id")] string MediaId);

internal sealed record MassPreviewRequest
{
    [JsonPropertyName("touser")]
    public string? ToUser { get; init; }

    [JsonPropertyName("towxname")]
    public string? ToWeChatName { get; init; }

    [JsonPropertyName("mpnews")]
    public MediaIdBody? MpNews { get; init; }

    [JsonPropertyName("text")]
    public TextBody? Text { get; init; }

    [JsonPropertyName("msgtype")]
    public required string MsgType { get; init; }
}

/// <summary>45065 carries the existing job's id as <c>msgid</c> in examples, <c>msg_id</c> on success (§13.5).</summary>
internal sealed record MassSendResponse(
    [property: JsonPropertyName("errcode")] int ErrCode,
    [property: JsonPropertyName("msg_id")] long? MsgId,
    [property: JsonPropertyName("msgid")] long? LegacyMsgId,
    [property: JsonPropertyName("msg_data_id")] long? MsgDataId);

// The documented request sends msg_id as a string (§13.4).
internal sealed record MassGetRequest([property: JsonPropertyName("msg_id")] string MsgId);

internal sealed record MassStatusResponse(
    [property: JsonPropertyName("msg_id")] long MsgId,
    [property: JsonPropertyName("msg_status")] string? Status);

internal sealed record MassDeleteRequest(
    [property: JsonPropertyName("msg_id")] long MsgId,
    [property: JsonPropertyName("article_idx")] int ArticleIndex);
