namespace Subscription.WeChat.Api;

/// <summary>What a mass send carries (§13.2): a news draft/upload media_id, or text.</summary>
public sealed record MassContent
{
    private MassContent(string msgType, string? mediaId, string? text)
    {
        MsgType = msgType;
        MediaId = mediaId;
        TextContent = text;
    }

    /// <summary><c>mpnews</c> or <c>text</c>.</summary>
    public string MsgType { get; }

    public string? MediaId { get; }

    public string? TextContent { get; }

    /// <summary>An mpnews message from a draft (or uploadnews) media_id.</summary>
    public static MassContent News(string mediaId)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        return new MassContent("mpnews", mediaId, null);
    }

    public static MassContent Text(string content)
    {
        ArgumentException.ThrowIfNullOrEmpty(content);
        return new MassContent("text", null, content);
    }
}
