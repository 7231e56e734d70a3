using System.Globalization;
using System.Text;

namespace Subscription.WeChat.Api;

public sealed partial class WeChatApiClient
{
    /// <summary>Fewest and most openids for <c>mass/send</c> (§13.3: one → 40130, more → 40032).</summary>
    public const int MinMassSendOpenIds = 2, MaxMassSendOpenIds = 10_000;

    private const int MaxClientMsgIdBytes = 64;
    private const int AlreadySentErrCode = 45065;

    /// <summary>
    /// POST /cgi-bin/message/mass/sendall to every follower (§13.2): enters the history list; a subscription account
    /// may do this once a day. Returns when the job is accepted, not delivered.
    /// </summary>
    /// <param name="clientMsgId">Idempotency key, ≤ 64 bytes (§13.5). Resending with it yields <see cref="MassSendResult.AlreadySent"/>.</param>
    public Task<MassSendResult> SendMassToAllAsync(
        MassContent content, string? clientMsgId = null, bool sendIgnoreReprint = false, CancellationToken cancellationToken = default) =>
        SendMassAsync("cgi-bin/message/mass/sendall", Mass(content, clientMsgId, sendIgnoreReprint) with { Filter = new MassFilter(true, null) },
            cancellationToken);

    /// <summary>POST /cgi-bin/message/mass/sendall to the followers with a tag (§13.2).</summary>
    public Task<MassSendResult> SendMassToTagAsync(
        int tagId, MassContent content, string? clientMsgId = null, bool sendIgnoreReprint = false, CancellationToken cancellationToken = default) =>
        SendMassAsync("cgi-bin/message/mass/sendall", Mass(content, clientMsgId, sendIgnoreReprint) with { Filter = new MassFilter(false, tagId) },
            cancellationToken);

    /// <summary>POST /cgi-bin/message/mass/send to an openid list (§13.3, service accounts only).</summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinMassSendOpenIds"/> or more than <see cref="MaxMassSendOpenIds"/> openids.</exception>
    public Task<MassSendResult> SendMassToOpenIdsAsync(
        IReadOnlyCollection<string> openIds, MassContent content, string? clientMsgId = null, bool sendIgnoreReprint = false,
        CancellationToken cancellationToken = default)
    {
        RequireCount(openIds, MinMassSendOpenIds, MaxMassSendOpenIds, nameof(openIds));
        return SendMassAsync("cgi-bin/message/mass/send", Mass(content, clientMsgId, sendIgnoreReprint) with { ToUsers = openIds }, cancellationToken);
    }

    /// <summary>POST /cgi-bin/message/mass/preview to one follower (§13.4).</summary>
    public Task PreviewMassAsync(string openId, MassContent content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(openId);
        return PreviewAsync(Preview(content) with { ToUser = openId }, cancellationToken);
    }

    /// <summary>POST /cgi-bin/message/mass/preview to a WeChat ID (微信号) — what an editor knows; ≤ 100/day (§13.4).</summary>
    public Task PreviewMassToWeChatNameAsync(string weChatName, MassContent content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(weChatName);
        return PreviewAsync(Preview(content) with { ToWeChatName = weChatName }, cancellationToken);
    }

    /// <summary>POST /cgi-bin/message/mass/get (§13.4).</summary>
    public async Task<MassJobStatus> GetMassStatusAsync(long msgId, CancellationToken cancellationToken = default)
    {
        var request = new MassGetRequest(msgId.ToString(CultureInfo.InvariantCulture));
        var response = await PostAsync("cgi-bin/message/mass/get", request, Json.MassGetRequest, Json.MassStatusResponse, cancellationToken)
            .ConfigureAwait(false);
        return new MassJobStatus(response.MsgId == 0 ? msgId : response.MsgId, response.Status ?? "");
    }

    /// <summary>
    /// POST /cgi-bin/message/mass/delete (§13.4): only sent news/video; invalidates the article page, not the cards
    /// already in chats. <paramref name="articleIndex"/> is 1-based; 0 deletes every article.
    /// </summary>
    public async Task DeleteMassAsync(long msgId, int articleIndex = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(articleIndex);
        await PostAsync("cgi-bin/message/mass/delete", new MassDeleteRequest(msgId, articleIndex), Json.MassDeleteRequest, Json.WeChatStatus,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<MassSendResult> SendMassAsync(string path, MassSendRequest request, CancellationToken cancellationToken)
    {
        var response = await PostAsync(path, request, Json.MassSendRequest, Json.MassSendResponse, cancellationToken, AlreadySentErrCode)
            .ConfigureAwait(false);
        var msgId = response.MsgId ?? response.LegacyMsgId;
        if (response.ErrCode == AlreadySentErrCode)
        {
            // §13.5: the clientmsgid already has a job, and WeChat names it — the send happened.
            return msgId is { } existing
                ? new MassSendResult(existing, response.MsgDataId, AlreadySent: true)
                : throw new WeChatApiException(AlreadySentErrCode, "clientmsgid already used, but no job id was returned", WeChatErrorClass.Duplicate, path);
        }

        return new MassSendResult(msgId ?? throw WeChatReply.Malformed(path), response.MsgDataId);
    }

    private Task PreviewAsync(MassPreviewRequest request, CancellationToken cancellationToken) =>
        PostAsync("cgi-bin/message/mass/preview", request, Json.MassPreviewRequest, Json.WeChatStatus, cancellationToken);

    private static MassSendRequest Mass(MassContent content, string? clientMsgId, bool sendIgnoreReprint)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (clientMsgId is not null && (clientMsgId.Length == 0 || Encoding.UTF8.GetByteCount(clientMsgId) > MaxClientMsgIdBytes))
        {
            throw new ArgumentException($"clientmsgid must be 1..{MaxClientMsgIdBytes} bytes (45067).", nameof(clientMsgId));
        }

        return new MassSendRequest
        {
            MsgType = content.MsgType,
            MpNews = content.MediaId is { } mediaId ? new MediaIdBody(mediaId) : null,
            Text = content.TextContent is { } text ? new TextBody(text) : null,
            SendIgnoreReprint = sendIgnoreReprint,
            ClientMsgId = clientMsgId,
        };
    }

    private static MassPreviewRequest Preview(MassContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new MassPreviewRequest
        {
            MsgType = content.MsgType,
            MpNews = content.MediaId is { } mediaId ? new MediaIdBody(mediaId) : null,
            Text = content.TextContent is { } text ? new TextBody(text) : null,
        };
    }
}
