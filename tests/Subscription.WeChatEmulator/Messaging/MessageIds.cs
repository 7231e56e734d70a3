namespace Subscription.WeChatEmulator.Messaging;

/// <summary>
/// Message ids. They start above int.MaxValue on purpose: MsgId/msg_id are 64-bit (§16.7) and a client
/// parsing them as int must fail here, not in production.
/// </summary>
public sealed class MessageIds
{
    private long _msgId = 3_000_000_000;
    private long _dataId = 2_247_483_000;

    public long Next() => Interlocked.Increment(ref _msgId);

    /// <summary>msg_data_id of news mass sends (links to article analytics, §13.2).</summary>
    public long NextDataId() => Interlocked.Increment(ref _dataId);
}
