using System.Text;
using Subscription.WeChatEmulator.Followers;

namespace Subscription.WeChatEmulator.Tags;

/// <summary>User tags (§8.3): each tag's members are a bitset over follower indices. Shares the followers' lock.</summary>
public sealed class TagStore(FollowerStore followers)
{
    private const int MaxTags = 100;
    private const int MaxNameBytes = 30;
    private const int MaxTagsPerUser = 20;
    private const int MaxFansToDelete = 100_000;
    private const int StarTag = 2;

    private readonly Dictionary<int, Tag> _tags = new() { [StarTag] = new Tag(StarTag, "星标组") };
    private byte[] _tagsPerUser = [];
    private int _nextId = 100;

    private Lock Sync => followers.Sync;

    public (Tag? Tag, int Errcode) Create(string? name)
    {
        lock (Sync)
        {
            if (NameError(name, exceptId: null) is { } error)
            {
                return (null, error);
            }

            if (_tags.Count - 1 >= MaxTags)
            {
                return (null, 45056);
            }

            var tag = new Tag(_nextId++, name!);
            _tags[tag.Id] = tag;
            return (tag, 0);
        }
    }

    public List<Tag> All()
    {
        lock (Sync)
        {
            return [.. _tags.Values.OrderBy(t => t.Id)];
        }
    }

    public int Rename(int id, string? name)
    {
        lock (Sync)
        {
            return IsSystem(id) ? 45058
                : !_tags.TryGetValue(id, out var tag) ? 45159
                : NameError(name, id) is { } error ? error
                : Set(() => tag.Name = name!);
        }
    }

    public int Delete(int id)
    {
        lock (Sync)
        {
            return IsSystem(id) ? 45058
                : !_tags.TryGetValue(id, out var tag) ? 45159
                : tag.Members.Count > MaxFansToDelete ? 45057
                : Set(() =>
                {
                    foreach (var member in tag.Members.Members())
                    {
                        _tagsPerUser[member]--;
                    }

                    _tags.Remove(id);
                });
        }
    }

    /// <summary>Tags or untags followers; 45159 unknown tag, 45059 when a user would exceed 20 tags.</summary>
    public int Apply(int id, IReadOnlyList<int> indices, bool tag)
    {
        lock (Sync)
        {
            if (!_tags.TryGetValue(id, out var entry))
            {
                return 45159;
            }

            if (_tagsPerUser.Length < followers.Count)
            {
                Array.Resize(ref _tagsPerUser, Math.Max(followers.Count, _tagsPerUser.Length * 2));
            }

            if (tag && indices.Any(i => !entry.Members[i] && _tagsPerUser[i] >= MaxTagsPerUser))
            {
                return 45059;
            }

            foreach (var i in indices)
            {
                if (tag && entry.Members.Set(i))
                {
                    _tagsPerUser[i]++;
                }
                else if (!tag && entry.Members.Clear(i))
                {
                    _tagsPerUser[i]--;
                }
            }

            return 0;
        }
    }

    public List<int> TagsOf(int index)
    {
        lock (Sync)
        {
            return [.. _tags.Values.Where(t => t.Members[index]).Select(t => t.Id).Order()];
        }
    }

    /// <summary>The live member set of a tag (read it under the followers' lock), or null.</summary>
    public Bitset? Members(int id)
    {
        lock (Sync)
        {
            return _tags.TryGetValue(id, out var tag) ? tag.Members : null;
        }
    }

    private int? NameError(string? name, int? exceptId) =>
        string.IsNullOrWhiteSpace(name) ? 45157
        : Encoding.UTF8.GetByteCount(name) > MaxNameBytes ? 45158
        : _tags.Values.Any(t => t.Name == name && t.Id != exceptId) ? 45157
        : null;

    private static bool IsSystem(int id) => id is >= 0 and <= 2;

    private static int Set(Action change)
    {
        change();
        return 0;
    }
}
