using Microsoft.Extensions.Options;
using Subscription.WeChat;

namespace Subscription.Server.Callback;

public enum Outcome { Reply, Replayed }

/// <summary>The result of processing: a reply (null XML = "success") or a refused replay.</summary>
public readonly record struct ProcessResult(Outcome Outcome, string? ReplyXml = null);

/// <summary>
/// Replay check, retry de-duplication, dispatch; all storage work inside one time box, because WeChat
/// retries (and eventually marks the account failed) when it gets no answer within 5 s.
/// </summary>
public sealed class CallbackProcessor(
    CallbackGuard guard,
    MessageDispatcher dispatcher,
    TimeProvider time,
    IOptions<CallbackOptions> options,
    ILogger<CallbackProcessor> logger)
{
    private readonly TimeSpan _timeout = options.Value.StorageTimeout;

    public async Task<ProcessResult> ProcessAsync(InboundMessage message, string nonce, string bodyHash)
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

        return new ProcessResult(Outcome.Reply);
    }

    private async Task<ProcessResult> ProcessCoreAsync(InboundMessage message, string nonce, string bodyHash)
    {
        if (!await guard.TryUseNonceAsync(nonce, bodyHash))
        {
            return new ProcessResult(Outcome.Replayed);
        }

        var key = message.DeduplicationKey;
        var claim = await guard.ClaimAsync(key);
        if (claim.State == ClaimState.Pending)
        {
            claim = await guard.AwaitReplyAsync(key, _timeout / 2);
        }

        if (claim.State != ClaimState.Claimed)
        {
            return new ProcessResult(Outcome.Reply, NullIfEmpty(claim.ReplyXml));
        }

        try
        {
            var reply = await dispatcher.DispatchAsync(message);
            var xml = reply?.ToXml(message, time.GetUtcNow().ToUnixTimeSeconds());
            await guard.CompleteAsync(key, xml);
            return new ProcessResult(Outcome.Reply, xml);
        }
        catch
        {
            await guard.ReleaseAsync(key);
            throw;
        }
    }

    private static string? NullIfEmpty(string? xml) => string.IsNullOrEmpty(xml) ? null : xml;
}
