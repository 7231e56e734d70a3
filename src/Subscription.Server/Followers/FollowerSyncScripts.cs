using Subscription.Server.Subscribers;

namespace Subscription.Server.Followers;

internal static class FollowerSyncScripts
{
    // KEYS: follower records. ARGV: run id, then the openids in the same order.
    // Marks the active ones as listed in this run; returns the others (unknown or inactive) for a closer look.
    public const string MarkListed = """
        local unsure = {}
        for i, key in ipairs(KEYS) do
          if redis.call('HGET', key, 'status') == 'active' then
            redis.call('HSET', key, 'syncRun', ARGV[1])
          else
            unsure[#unsure + 1] = ARGV[i + 1]
          end
        end
        return unsure
        """;

    // KEYS: audience, seq, daily, follow scenes, scan scenes, opted out, then follower records.
    // ARGV: run id, the run's start (unix s), daily ttl, then the openids in the same order as their records.
    // Unfollows (as of the run's start) every active follower this run did not see listed. An unfollow is
    // stale for anyone who followed after the run started, so a follow arriving meanwhile is never undone.
    public const string Sweep = SubscriberScripts.Library + """

        local gone = 0
        for i = 7, #KEYS do
          local openid = ARGV[i - 3]
          if redis.call('HGET', KEYS[i], 'syncRun') ~= ARGV[1] then
            local K = { KEYS[i], KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6] }
            if unfollow(K, { openid, ARGV[2], '', '', '', '', ARGV[3] }) == 3 then gone = gone + 1 end
          end
        end
        return gone
        """;
}
