using Polly;

namespace Subscription.Server.WeChatApi;

/// <summary>
/// Outside the resilience pipeline: a call it refused or gave up on (attempt time-out, open circuit) becomes
/// the HttpRequestException any HTTP failure is, so the WeChat client reports it as a transport failure.
/// </summary>
internal sealed class ResilienceRejectionHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (ExecutionRejectedException e)
        {
            throw new HttpRequestException($"No answer: {e.GetType().Name}.", e);
        }
    }
}
