using System.Globalization;

namespace Subscription.WeChat;

/// <summary>MsgType "event". Event names arrive in mixed case (subscribe, SCAN, CLICK…) and are matched case-insensitively.</summary>
public abstract record EventMessage : InboundMessage
{
    public required string Event { get; init; }

    /// <summary>Null when the element is absent or empty (a plain follow sometimes sends an empty EventKey).</summary>
    public string? EventKey { get; init; }

    /// <summary>WeChat's own recommendation: events are identified by FromUserName + CreateTime.</summary>
    public override string DeduplicationKey => EventKey is null
        ? string.Create(CultureInfo.InvariantCulture, $"evt:{FromUserName}:{CreateTime}:{Event}")
        : string.Create(CultureInfo.InvariantCulture, $"evt:{FromUserName}:{CreateTime}:{Event}:{EventKey}");
}

/// <summary>A follow. Via a parametric QR code EventKey is "qrscene_" + scene and Ticket is set.</summary>
public sealed record SubscribeEvent : EventMessage
{
    /// <summary>The scene value without the "qrscene_" prefix; null for an ordinary follow.</summary>
    public string? Scene { get; init; }

    public string? Ticket { get; init; }
}

public sealed record UnsubscribeEvent : EventMessage;

/// <summary>An existing follower scanned a parametric QR code; EventKey is the scene without prefix.</summary>
public sealed record ScanEvent : EventMessage
{
    public string? Scene { get; init; }

    public string? Ticket { get; init; }
}

public sealed record ClickEvent : EventMessage
{
    /// <summary>The menu button's key.</summary>
    public string Key => EventKey ?? "";
}

public sealed record ViewEvent : EventMessage
{
    /// <summary>The URL the menu button opened.</summary>
    public string Url => EventKey ?? "";

    /// <summary>Personalised-menu id, when the current docs' optional element is present.</summary>
    public string? MenuId { get; init; }
}

/// <summary>Reported location (sent on entering the chat when location reporting is on).</summary>
public sealed record LocationEvent : EventMessage
{
    public double Latitude { get; init; }

    public double Longitude { get; init; }

    public double Precision { get; init; }
}
