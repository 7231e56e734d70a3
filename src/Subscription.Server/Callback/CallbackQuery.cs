using Microsoft.AspNetCore.Mvc;

namespace Subscription.Server.Callback;

/// <summary>The query string WeChat puts on every callback (§2.2, §2.3 of the protocol notes).</summary>
public sealed record CallbackQuery(
    [property: FromQuery(Name = "signature")] string? Signature,
    [property: FromQuery(Name = "timestamp")] string? Timestamp,
    [property: FromQuery(Name = "nonce")] string? Nonce,
    [property: FromQuery(Name = "echostr")] string? EchoStr,
    [property: FromQuery(Name = "encrypt_type")] string? EncryptType,
    [property: FromQuery(Name = "msg_signature")] string? MsgSignature)
{
    public bool Encrypted => string.Equals(EncryptType, "aes", StringComparison.OrdinalIgnoreCase);
}
