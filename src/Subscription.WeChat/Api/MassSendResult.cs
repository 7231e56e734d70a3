namespace Subscription.WeChat.Api;

/// <summary>
/// A mass-send job WeChat accepted (§13.2) — the outcome arrives later as MASSSENDJOBFINISH with the same id.
/// </summary>
/// <param name="MsgId">64-bit job id.</param>
/// <param name="MsgDataId">News only: links the send to article analytics.</param>
/// <param name="AlreadySent">The clientmsgid already had a job (45065, §13.5); <paramref name="MsgId"/> is that job.</param>
public sealed record MassSendResult(long MsgId, long? MsgDataId, bool AlreadySent = false);
