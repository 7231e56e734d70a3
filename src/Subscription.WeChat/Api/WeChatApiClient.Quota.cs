namespace Subscription.WeChat.Api;

public sealed partial class WeChatApiClient
{
    /// <summary>POST /cgi-bin/openapi/quota/get (§14) for an API path such as <c>/cgi-bin/message/custom/send</c>.</summary>
    public async Task<ApiQuota> GetApiQuotaAsync(string cgiPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(cgiPath);
        var response = await PostAsync("cgi-bin/openapi/quota/get", new QuotaRequest(cgiPath), Json.QuotaRequest, Json.QuotaResponse,
            cancellationToken).ConfigureAwait(false);
        return response.Quota ?? throw WeChatReply.Malformed("cgi-bin/openapi/quota/get");
    }
}
