namespace Subscription.WeChatEmulator.Callbacks;

/// <summary>
/// The outcome of one push: whether the server answered 2xx, after how many attempts, and its reply
/// (decrypted when it came as a safe-mode envelope; <see cref="ReplySignatureValid"/> says whether its
/// MsgSignature verified).
/// </summary>
public sealed record CallbackResult(bool Delivered, int Attempts, int? Status, string? Body, string? Reply,
    bool? ReplySignatureValid, string? Error)
{
    public static CallbackResult NotConfigured { get; } = new(false, 0, null, null, null, null, "no callback URL configured");
}

/// <summary>A push that was made, for the admin API and tests.</summary>
public sealed record CallbackRecord(string Xml, DateTimeOffset At, CallbackResult Result);
