using StackExchange.Redis;

namespace Subscription.Server.Archive;

/// <summary>The archive key family; one hash tag so publishing (version, index, event) is one atomic script.</summary>
public sealed class ArchiveKeys(string prefix)
{
    private readonly string _root = prefix + "{archive}:";

    /// <summary>String: the draft's JSON, replaceable until published.</summary>
    public RedisKey Draft(int number) => _root + "draft:" + number;

    /// <summary>Hash: "v1", "v2", … → the JSON of each published version (never overwritten), "current" → latest version.</summary>
    public RedisKey Published(int number) => _root + "issue:" + number;

    /// <summary>Sorted set of published issue numbers, scored by number.</summary>
    public RedisKey Index => _root + "index";

    /// <summary>Counter bumped on every publication, so every instance can tell its search index is stale.</summary>
    public RedisKey Revision => _root + "revision";

    public RedisChannel Changes => RedisChannel.Literal(_root + "changes");
}
