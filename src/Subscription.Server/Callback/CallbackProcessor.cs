using Microsoft.Extensions.Options;
using Subscription.WeChat;

namespace Subscription.Server.Callback;

/// <summary>
/// Decides the change and reply, then records both with the replay and retry checks in one round trip; all
/// inside one time box, because WeChat retries (and eventually marks the account failed) after 5 s.
/// </summary>
public sealed class CallbackProcessor(
    MessageDispatcher dispatcher,
    DeliveryLedger ledger,
    TimeProvider time,
    IOptions<CallbackOptions> options,
    ILogger<CallbackProcessor> logger)
{
    private readonly TimeSpan _timeout = options.Value.StorageTimeout;

    /// <summary>The delivery's outcome; a time-out or storage failure answers "success" (null reply) and is logged.</summary>
    public async Task<DeliveryResult> ProcessAsync(InboundMessage message, string nonce, string bodyHash)
    {
        try
        {
            // Not cancelled with the request: once started, a state change should finish and keep its reply.
            return await ProcessCoreAsync(message, nonce, bodyHash).WaitAsync(_timeout);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Storage did not answer within {Timeout} for {MsgType} from {OpenId}; answered success",
                _timeout, message.MsgType, message.FromUserName);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Processing {MsgType} from {OpenId} failed; answered success", message.MsgType, message.FromUserName);
        }

        return new DeliveryResult(DeliveryOutcome.Applied, null);
    }

    private async Task<DeliveryResult> ProcessCoreAsync(InboundMessage message, string nonce, string bodyHash)
    {
        var decision = await dispatcher.DecideAsync(message);
        var replyXml = decision.Reply?.ToXml(message, time.GetUtcNow().ToUnixTimeSeconds());
        return await ledger.RecordAsync(nonce, bodyHash, message.DeduplicationKey, replyXml, decision.Change);
    }
}
