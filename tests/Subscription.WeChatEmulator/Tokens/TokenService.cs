using System.Security.Cryptography;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.WeChatEmulator.Tokens;

/// <summary>Issues and checks access_tokens following §6: classic tokens rotate on every call, stable ones don't.</summary>
public sealed class TokenService(EmulatorOptions options, EmulatorClock clock)
{
    private const int ForceRefreshesPerDay = 20;
    private static readonly TimeSpan ForceRefreshSpacing = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, TokenRecord> _tokens = new(StringComparer.Ordinal);
    private readonly List<DateTimeOffset> _forceRefreshes = [];
    private TokenRecord? _classic;
    private TokenRecord? _stable;
    private int _classicFetches, _stableFetches, _forced, _rejected;

    /// <summary>GET /cgi-bin/token: every call issues a new token; the previous one lives on for the overlap (§6.1).</summary>
    public TokenGrant IssueClassic()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (_classic is not null && _classic.InvalidFrom is null)
            {
                var until = now + options.TokenOverlap;
                _classic.InvalidFrom = until < _classic.ExpiresAt ? until : _classic.ExpiresAt;
            }

            _classic = Issue(TokenKind.Classic, now);
            _classicFetches++;
            return new TokenGrant(_classic.Value, (int)options.TokenLifetime.TotalSeconds);
        }
    }

    /// <summary>
    /// POST /cgi-bin/stable_token (§6.2). Normal mode returns the current token until it is within
    /// <see cref="EmulatorOptions.StableRefreshBefore"/> of expiry; force mode replaces it at once,
    /// at most 20 times a day and 30 s apart. Returns the errcode instead when force mode is refused.
    /// </summary>
    public (TokenGrant? Grant, int Errcode) GetStable(bool forceRefresh)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (forceRefresh)
            {
                _forceRefreshes.RemoveAll(at => at.AddDays(1) <= now);
                if (_forceRefreshes.Count >= ForceRefreshesPerDay)
                {
                    return (null, 45009);
                }

                if (_forceRefreshes.Count > 0 && now - _forceRefreshes[^1] < ForceRefreshSpacing)
                {
                    return (null, 45011);
                }

                _forceRefreshes.Add(now);
                _forced++;
                if (_stable is not null)
                {
                    _stable.InvalidFrom ??= now;
                }

                _stable = Issue(TokenKind.Stable, now);
            }
            else if (_stable is null || _stable.Check(now) != TokenCheck.Valid || _stable.ExpiresAt - now <= options.StableRefreshBefore)
            {
                // The old one keeps its own (short) remaining life: normal mode never knocks out a token (§6.2).
                _stable = Issue(TokenKind.Stable, now);
            }

            _stableFetches++;
            var remaining = (int)Math.Ceiling((_stable.ExpiresAt - now).TotalSeconds);
            return (new TokenGrant(_stable.Value, remaining), 0);
        }
    }

    public TokenCheck Check(string? accessToken)
    {
        if (string.IsNullOrEmpty(accessToken))
        {
            return TokenCheck.Missing;
        }

        lock (_lock)
        {
            var result = _tokens.TryGetValue(accessToken, out var record) ? record.Check(clock.GetUtcNow()) : TokenCheck.Invalid;
            if (result != TokenCheck.Valid)
            {
                _rejected++;
            }

            return result;
        }
    }

    /// <summary>Admin: every token issued so far expires now (callers get 42001).</summary>
    public void ExpireAll() => ForAll(record => record.ExpiresAt = clock.GetUtcNow());

    /// <summary>Admin: every token issued so far becomes invalid now, as if another system refreshed (40001).</summary>
    public void RevokeAll() => ForAll(record => record.InvalidFrom = clock.GetUtcNow());

    public TokenStats Stats
    {
        get
        {
            lock (_lock)
            {
                return new TokenStats(_classicFetches, _stableFetches, _forced, _tokens.Count, _rejected);
            }
        }
    }

    private void ForAll(Action<TokenRecord> change)
    {
        lock (_lock)
        {
            foreach (var record in _tokens.Values)
            {
                change(record);
            }
        }
    }

    private TokenRecord Issue(TokenKind kind, DateTimeOffset now)
    {
        // Real tokens are ~150 opaque characters; clients must store ≥ 512 (§6.1).
        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(108)).Replace('+', '-').Replace('/', '_');
        var record = new TokenRecord(value, kind, now, now + options.TokenLifetime);
        _tokens[value] = record;
        return record;
    }
}
