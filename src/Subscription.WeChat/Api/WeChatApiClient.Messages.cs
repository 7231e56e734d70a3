namespace Subscription.WeChat.Api;

public sealed partial class WeChatApiClient
{
    /// <summary>
    /// POST /cgi-bin/message/custom/send, text (§9). Only within 48 h of the follower's last interaction (45015
    /// otherwise) and within the per-trigger quota (45047).
    /// </summary>
    public async Task SendCustomTextAsync(string openId, string content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(openId);
        ArgumentException.ThrowIfNullOrEmpty(content);
        await PostAsync(
            "cgi-bin/message/custom/send", new CustomTextRequest(openId, new TextBody(content)), Json.CustomTextRequest, Json.WeChatStatus,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POST /cgi-bin/message/custom/send, news with its single allowed article (§9; more → 45008).</summary>
    public async Task SendCustomNewsAsync(string openId, NewsArticle article, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(openId);
        ArgumentNullException.ThrowIfNull(article);
        var item = new CustomNewsItem(article.Title, article.Description, article.Url, article.PicUrl);
        await PostAsync(
            "cgi-bin/message/custom/send", new CustomNewsRequest(openId, new NewsBody([item])), Json.CustomNewsRequest, Json.WeChatStatus,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// POST /cgi-bin/message/template/send (§10). Returns the 64-bit msgid that TEMPLATESENDJOBFINISH reports back.
    /// </summary>
    public async Task<long> SendTemplateAsync(TemplateMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(message.ToUser, nameof(message));
        ArgumentException.ThrowIfNullOrEmpty(message.TemplateId, nameof(message));
        var response = await PostAsync(
            "cgi-bin/message/template/send", message, Json.TemplateMessage, Json.TemplateSendResponse, cancellationToken).ConfigureAwait(false);
        return response.MsgId ?? throw WeChatReply.Malformed("cgi-bin/message/template/send");
    }
}
