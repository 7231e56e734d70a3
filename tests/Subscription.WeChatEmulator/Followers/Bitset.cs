using System.Numerics;

namespace Subscription.WeChatEmulator.Followers;

/// <summary>A growable set of small non-negative integers, one bit each (a million followers = 125 KB).</summary>
public sealed class Bitset
{
    private ulong[] _words;

    public Bitset(int capacity = 0) => _words = new ulong[(capacity + 63) / 64];

    private Bitset(ulong[] words, int count)
    {
        _words = words;
        Count = count;
    }

    public int Count { get; private set; }

    public long MemoryBytes => _words.Length * sizeof(ulong);

    public bool this[int index] =>
        index >= 0 && index / 64 < _words.Length && (_words[index / 64] & (1UL << (index % 64))) != 0;

    /// <summary>Adds <paramref name="index"/>; false when it was already there.</summary>
    public bool Set(int index)
    {
        if (index / 64 >= _words.Length)
        {
            Array.Resize(ref _words, Math.Max(index / 64 + 1, _words.Length * 2));
        }

        ref var word = ref _words[index / 64];
        var mask = 1UL << (index % 64);
        if ((word & mask) != 0)
        {
            return false;
        }

        word |= mask;
        Count++;
        return true;
    }

    /// <summary>Removes <paramref name="index"/>; false when it wasn't there.</summary>
    public bool Clear(int index)
    {
        if (!this[index])
        {
            return false;
        }

        _words[index / 64] &= ~(1UL << (index % 64));
        Count--;
        return true;
    }

    /// <summary>The first member ≥ <paramref name="from"/>, or -1.</summary>
    public int NextSet(int from)
    {
        from = Math.Max(from, 0);
        var w = from / 64;
        if (w >= _words.Length)
        {
            return -1;
        }

        var word = _words[w] & (ulong.MaxValue << (from % 64));
        while (true)
        {
            if (word != 0)
            {
                return w * 64 + BitOperations.TrailingZeroCount(word);
            }

            if (++w >= _words.Length)
            {
                return -1;
            }

            word = _words[w];
        }
    }

    public IEnumerable<int> Members()
    {
        for (var i = NextSet(0); i >= 0; i = NextSet(i + 1))
        {
            yield return i;
        }
    }

    public Bitset Clone() => new((ulong[])_words.Clone(), Count);

    /// <summary>A new set with the members of both.</summary>
    public Bitset Intersect(Bitset other)
    {
        var words = new ulong[Math.Min(_words.Length, other._words.Length)];
        var count = 0;
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = _words[i] & other._words[i];
            count += BitOperations.PopCount(words[i]);
        }

        return new Bitset(words, count);
    }
}
