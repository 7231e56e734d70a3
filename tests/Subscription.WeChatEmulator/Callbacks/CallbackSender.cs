using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Subscription.WeChat;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Callbacks;

/// <summary>
/// Pushes callback XML to the server like WeChat (§2.3): signed query, encrypted body in compatible/safe mode,
/// 5-second time-out and retries of the very same push (same timestamp, nonce and ciphertext, §5.1).
/// </summary>
public sealed class CallbackSender(EmulatorState state) : IDisposable
{
    private const int KeptRecords = 1_000;

    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly Lock _lock = new();
    private readonly LinkedList<CallbackRecord> _records = new();

    /// <summary>The latest pushes (up to 1 000), oldest first.</summary>
    public IReadOnlyList<CallbackRecord> Records
    {
        get
        {
            lock (_lock)
            {
                return [.. _records];
            }
        }
    }

    public async Task<CallbackResult> SendAsync(string xml, string openId, CancellationToken cancellationToken)
    {
        var options = state.Options.Callback;
        if (string.IsNullOrEmpty(options.ServerUrl))
        {
            return CallbackResult.NotConfigured;
        }

        var timestamp = state.Clock.UnixNow.ToString(CultureInfo.InvariantCulture);
        var nonce = Random.Shared.NextInt64(100_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);
        var url = new StringBuilder(options.ServerUrl).Append(options.ServerUrl.Contains('?') ? '&' : '?')
            .Append("signature=").Append(Signature.Compute(options.Token, timestamp, nonce))
            .Append("&timestamp=").Append(timestamp).Append("&nonce=").Append(nonce)
            .Append("&openid=").Append(Uri.EscapeDataString(openId));
        var body = xml;
        var crypto = options.Mode == CallbackMode.Plain ? null : new MessageCrypto(options.Token, options.EncodingAesKey!, state.Options.AppId);
        if (crypto is not null)
        {
            var encrypt = crypto.Encrypt(xml);
            url.Append("&encrypt_type=aes&msg_signature=").Append(Signature.Compute(options.Token, timestamp, nonce, encrypt));
            var element = $"<Encrypt><![CDATA[{encrypt}]]></Encrypt>\n";
            body = options.Mode == CallbackMode.Safe
                ? $"<xml>\n<ToUserName><![CDATA[{state.Options.OriginalId}]]></ToUserName>\n{element}</xml>"
                : xml.Replace("</xml>", element + "</xml>", StringComparison.Ordinal);
        }

        var result = await PostWithRetriesAsync(url.ToString(), body, options, crypto, cancellationToken);
        Keep(new CallbackRecord(xml, state.Clock.GetUtcNow(), result));
        return result;
    }

    public void Dispose() => _http.Dispose();

    private async Task<CallbackResult> PostWithRetriesAsync(string url, string body, CallbackOptions options,
        MessageCrypto? crypto, CancellationToken cancellationToken)
    {
        string? error = null;
        int? status = null;
        for (var attempt = 1; attempt <= options.Retries + 1; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Timeout);
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "text/xml");
                using var response = await _http.PostAsync(url, content, timeout.Token);
                var text = await response.Content.ReadAsStringAsync(timeout.Token);
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    var (reply, valid) = OpenReply(text, options, crypto);
                    return new CallbackResult(true, attempt, status, text, reply, valid, null);
                }

                error = $"HTTP {status}";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                error = $"no answer within {options.Timeout.TotalSeconds:0.#} s";
            }
            catch (HttpRequestException ex)
            {
                error = ex.Message;
            }
        }

        return new CallbackResult(false, options.Retries + 1, status, null, null, null, error);
    }

    /// <summary>Decrypts a safe-mode reply envelope (§3.6) after checking its MsgSignature, as WeChat does.</summary>
    private static (string Reply, bool? Valid) OpenReply(string text, CallbackOptions options, MessageCrypto? crypto)
    {
        if (crypto is null || !text.Contains("<Encrypt>", StringComparison.Ordinal))
        {
            return (text, null);
        }

        try
        {
            var envelope = XElement.Parse(text);
            var encrypt = (string?)envelope.Element("Encrypt") ?? "";
            var valid = Signature.Verify((string?)envelope.Element("MsgSignature"), options.Token,
                (string?)envelope.Element("TimeStamp") ?? "", (string?)envelope.Element("Nonce") ?? "", encrypt);
            return (valid ? crypto.Decrypt(encrypt) : text, valid);
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or WeChatCryptoException)
        {
            return (text, false);
        }
    }

    private void Keep(CallbackRecord record)
    {
        lock (_lock)
        {
            _records.AddLast(record);
            if (_records.Count > KeptRecords)
            {
                _records.RemoveFirst();
            }
        }
    }
}
