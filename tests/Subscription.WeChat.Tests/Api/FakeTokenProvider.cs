using Subscription.WeChat.Api;

namespace Subscription.WeChat.Tests.Api;

/// <summary>A token owner that fetches <see cref="FakeWeChat.CurrentToken"/> when nothing is cached.</summary>
internal sealed class FakeTokenProvider(FakeWeChat weChat) : IAccessTokenProvider
{
    public string? Cached { get; set; }

    public List<string> Invalidated { get; } = [];

    public ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        Cached ??= weChat.CurrentToken;
        return ValueTask.FromResult(Cached);
    }

    public ValueTask InvalidateAsync(string failedToken, CancellationToken cancellationToken)
    {
        Invalidated.Add(failedToken);
        if (Cached == failedToken)
        {
            Cached = null;
        }

        return ValueTask.CompletedTask;
    }
}
