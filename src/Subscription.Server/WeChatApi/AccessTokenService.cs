using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Subscription.Server.Configuration;
using Subscription.Server.Storage;
using Subscription.WeChat.Api;

namespace Subscription.Server.WeChatApi;

/// <summary>
/// The one access token that every instance shares (§6, §16.1): kept in Redis with a lifetime shorter than
/// WeChat's, refreshed by one caller across all threads and instances (a Redis lock with a lease), and
/// invalidated only if it is still the token that failed. The AppSecret goes to WeChat and nowhere else.
/// </summary>
public sealed class AccessTokenService(
    RedisStore store,
    WeChatTokenClient client,
    IOptions<WeChatOptions> account,
    ILogger<AccessTokenService> logger) : IAccessTokenProvider, IDisposable
{
    private static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LockLease = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RefusedMemory = TimeSpan.FromMinutes(10);

    private readonly TokenKeys _keys = new(store.KeyPrefix, account.Value.AppId);
    private static readonly TimeSpan LocalMemory = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _local = new(1, 1);
    private volatile Memo? _memo;
    private readonly string _owner = Guid.NewGuid().ToString("N");

    public TokenKeys Keys => _keys;

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        // A broadcast makes thousands of calls a second: it reads the shared token once per LocalMemory, not per call.
        if (_memo is { } memo && Environment.TickCount64 < memo.Until)
        {
            return memo.Token;
        }

        var cached = await store.Database.StringGetAsync(_keys.Token);
        if (!cached.IsNull)
        {
            _memo = new Memo(cached!, Environment.TickCount64 + (long)LocalMemory.TotalMilliseconds);
            return cached!;
        }

        // One refresh per instance at a time; the Redis lock makes it one across instances.
        await _local.WaitAsync(cancellationToken);
        try
        {
            return await RefreshAsync(cancellationToken);
        }
        finally
        {
            _local.Release();
        }
    }

    public async ValueTask InvalidateAsync(string failedToken, CancellationToken cancellationToken)
    {
        _memo = null;
        await store.Database.EvaluateInOneSlotAsync(
            TokenScripts.Invalidate, [_keys.Token, _keys.Refused], [failedToken, (long)RefusedMemory.TotalMilliseconds]);
        logger.LogWarning("WeChat refused the access token; it is dropped and will be refreshed");
    }

    private async Task<string> RefreshAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + LockLease;
        while (true)
        {
            var cached = await store.Database.StringGetAsync(_keys.Token);
            if (!cached.IsNull)
            {
                return cached!;
            }

            if (await store.Database.StringSetAsync(_keys.Lock, _owner, LockLease, When.NotExists))
            {
                try
                {
                    return await FetchAsync(cancellationToken);
                }
                finally
                {
                    await store.Database.ReleaseAsync(_keys.Lock, _owner);
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No access token within {LockLease.TotalSeconds:F0} s: another instance holds the refresh lock but stores no token.");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        // Someone may have stored a token between our read and our lock.
        var cached = await store.Database.StringGetAsync(_keys.Token);
        if (!cached.IsNull)
        {
            return cached!;
        }

        var (appId, secret) = (account.Value.AppId, account.Value.AppSecret);
        var token = await client.GetStableTokenAsync(appId, secret, forceRefresh: false, cancellationToken);
        await store.Database.StringIncrementAsync(_keys.Fetches);
        if (token.Value == (string?)await store.Database.StringGetAsync(_keys.Refused))
        {
            // Normal mode handed back the token WeChat just refused; only force mode replaces it (≤ 20/day, §6.2).
            token = await client.GetStableTokenAsync(appId, secret, forceRefresh: true, cancellationToken);
            await store.Database.StringIncrementAsync(_keys.Fetches);
        }

        var lifetime = token.ExpiresIn > RefreshAhead * 2 ? token.ExpiresIn - RefreshAhead : token.ExpiresIn / 2;
        await store.Database.StringSetAsync(_keys.Token, token.Value, lifetime);
        logger.LogInformation("Fetched a new access token, cached for {Lifetime}", lifetime);
        return token.Value;
    }

    public void Dispose() => _local.Dispose();

    private sealed record Memo(string Token, long Until);
}
