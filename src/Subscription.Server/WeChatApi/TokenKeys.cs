using StackExchange.Redis;

namespace Subscription.Server.WeChatApi;

/// <summary>The access-token key family, one per AppID; a hash tag keeps the token, its lock and its last failure together.</summary>
public sealed class TokenKeys(string prefix, string appId)
{
    private readonly string _root = $"{prefix}{{token:{appId}}}:";

    /// <summary>String: the current access token, expiring before WeChat's own expiry so it is refreshed ahead.</summary>
    public RedisKey Token => _root + "value";

    /// <summary>String with a lease: the instance refreshing the token.</summary>
    public RedisKey Lock => _root + "lock";

    /// <summary>String: a token WeChat refused, so a refresh that hands it back again forces a new one.</summary>
    public RedisKey Refused => _root + "refused";

    /// <summary>Counter of fetches from WeChat (the daily quota is 2,000 for token, 500,000 for stable_token).</summary>
    public RedisKey Fetches => _root + "fetches";
}
