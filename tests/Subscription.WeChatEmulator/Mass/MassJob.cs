namespace Subscription.WeChatEmulator.Mass;

/// <summary>One accepted mass send (§13.2/13.3): what was sent and the counts its MASSSENDJOBFINISH reports.</summary>
public sealed class MassJob
{
    public required long MsgId { get; init; }

    public long? MsgDataId { get; init; }

    public required string MsgType { get; init; }

    public required string Title { get; init; }

    public required string Digest { get; init; }

    /// <summary>The sender's idempotency key as sent; null when it sent none.</summary>
    public string? ClientMsgId { get; init; }

    /// <summary>"all", "tag:{id}", "list" or "preview".</summary>
    public required string Audience { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public int TotalCount { get; init; }

    public int FilterCount { get; init; }

    public int SentCount { get; init; }

    public int ErrorCount { get; init; }

    /// <summary>SEND_SUCCESS, SENDING, SEND_FAIL or DELETE (§13.4).</summary>
    public string Status { get; set; } = "SEND_SUCCESS";

    /// <summary>Only news and video sends can be deleted (§13.4).</summary>
    public bool Deletable => MsgType is "mpnews" or "mpvideo";
}
