using System.Globalization;

namespace Subscription.WeChat;

/// <summary>A message a follower sent; MsgId is a 64-bit id unique per message.</summary>
public abstract record UserMessage : InboundMessage
{
    public required long MsgId { get; init; }

    public sealed override string DeduplicationKey => string.Create(CultureInfo.InvariantCulture, $"msg:{MsgId}");
}

public sealed record TextMessage : UserMessage
{
    /// <summary>UTF-8 text, may contain emoji; "" when the element is missing.</summary>
    public required string Content { get; init; }
}

public sealed record ImageMessage : UserMessage
{
    public string? PicUrl { get; init; }

    public string? MediaId { get; init; }
}

public sealed record VoiceMessage : UserMessage
{
    public string? MediaId { get; init; }

    public string? Format { get; init; }

    /// <summary>Speech-recognition text, only when the account enabled it.</summary>
    public string? Recognition { get; init; }
}

/// <summary>MsgType "video" or "shortvideo".</summary>
public sealed record VideoMessage : UserMessage
{
    public string? MediaId { get; init; }

    public string? ThumbMediaId { get; init; }
}

public sealed record LocationMessage : UserMessage
{
    /// <summary>From Location_X.</summary>
    public double Latitude { get; init; }

    /// <summary>From Location_Y.</summary>
    public double Longitude { get; init; }

    public int Scale { get; init; }

    public string? Label { get; init; }
}

public sealed record LinkMessage : UserMessage
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Url { get; init; }
}
