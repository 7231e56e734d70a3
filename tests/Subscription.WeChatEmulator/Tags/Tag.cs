using Subscription.WeChatEmulator.Followers;

namespace Subscription.WeChatEmulator.Tags;

/// <summary>One tag; <see cref="Members"/> holds follower indices.</summary>
public sealed class Tag(int id, string name)
{
    public int Id { get; } = id;

    public string Name { get; set; } = name;

    public Bitset Members { get; } = new();
}
