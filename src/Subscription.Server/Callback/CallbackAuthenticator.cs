using System.Globalization;
using Microsoft.Extensions.Options;
using Subscription.Server.Configuration;
using Subscription.WeChat;

namespace Subscription.Server.Callback;

/// <summary>The query-string checks of a callback: every parameter present, a fresh timestamp, a valid signature.</summary>
public sealed class CallbackAuthenticator(IOptions<WeChatOptions> account, IOptions<CallbackOptions> options, TimeProvider time)
{
    private readonly string _token = account.Value.Token;
    private readonly TimeSpan _tolerance = options.Value.TimestampTolerance;

    /// <summary>Null when the query is fresh and signed; otherwise why not.</summary>
    public string? Check(CallbackQuery query, string? encrypt = null)
    {
        if (string.IsNullOrEmpty(query.Timestamp) || string.IsNullOrEmpty(query.Nonce))
        {
            return "timestamp and nonce are required";
        }

        if (!long.TryParse(query.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > _tolerance.TotalSeconds)
        {
            return "timestamp outside the accepted window";
        }

        var valid = encrypt is null
            ? Signature.Verify(query.Signature, _token, query.Timestamp, query.Nonce)
            : Signature.Verify(query.MsgSignature, _token, query.Timestamp, query.Nonce, encrypt);
        return valid ? null : encrypt is null ? "invalid signature" : "invalid msg_signature";
    }
}
