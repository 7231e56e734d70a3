namespace Subscription.WeChat;

/// <summary>The outer body of a safe- or compatible-mode callback.</summary>
/// <param name="ToUserName">The account's original id (gh_…) when present.</param>
/// <param name="Encrypt">The base64 ciphertext to verify with msg_signature and then decrypt.</param>
public sealed record EncryptedEnvelope(string? ToUserName, string Encrypt);
