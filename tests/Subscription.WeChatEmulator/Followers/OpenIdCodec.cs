using System.Security.Cryptography;
using System.Text;

namespace Subscription.WeChatEmulator.Followers;

/// <summary>
/// Openids derived from a follower's index, so a million followers need no string each:
/// "oEmu" + 4 characters from the AppId (openids are per account) + the index in base32, 28 characters in all
/// like real openids.
/// </summary>
public sealed class OpenIdCodec
{
    public const int Length = 28;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Prefix = "oEmu";
    private const int DigitsAt = 8;

    private readonly string _account;

    public OpenIdCodec(string appId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(appId));
        _account = string.Concat(hash.Take(4).Select(b => Alphabet[b % 32]));
    }

    public string Format(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return string.Create(Length, (index, _account), static (span, state) =>
        {
            Prefix.CopyTo(span);
            state._account.CopyTo(span[Prefix.Length..]);
            var value = (uint)state.index;
            for (var i = Length - 1; i >= DigitsAt; i--)
            {
                span[i] = Alphabet[(int)(value & 31)];
                value >>= 5;
            }
        });
    }

    /// <summary>The index an openid of this account encodes; false for anything else (another account's openid too).</summary>
    public bool TryParse(string? openId, out int index)
    {
        index = -1;
        if (openId is null || openId.Length != Length || !openId.StartsWith(Prefix, StringComparison.Ordinal)
            || !openId.AsSpan(Prefix.Length, _account.Length).SequenceEqual(_account))
        {
            return false;
        }

        long value = 0;
        foreach (var c in openId.AsSpan(DigitsAt))
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 5) | (uint)digit;
            if (value > int.MaxValue)
            {
                return false;
            }
        }

        index = (int)value;
        return true;
    }
}
