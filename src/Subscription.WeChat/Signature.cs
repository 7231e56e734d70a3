using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Subscription.WeChat;

/// <summary>
/// WeChat request signatures: lowercase hex SHA-1 over the parts sorted ordinally and concatenated.
/// URL verification signs (token, timestamp, nonce); safe mode signs (token, timestamp, nonce, Encrypt).
/// </summary>
public static class Signature
{
    public static string Compute(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
        }

        // Sort a copy: a params array may be the caller's own array.
        var sorted = (string[])parts.Clone();
        Array.Sort(sorted, StringComparer.Ordinal);
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted)));
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// Fixed-time comparison of <see cref="Compute"/> with <paramref name="signature"/>.
    /// Only lowercase hex matches. Returns false (never throws) for a null/empty signature or a null part.
    /// </summary>
    public static bool Verify(string? signature, params string[] parts)
    {
        if (string.IsNullOrEmpty(signature) || parts is null || Array.Exists(parts, p => p is null))
        {
            return false;
        }

        var expected = Compute(parts);
        return CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(expected.AsSpan()),
            MemoryMarshal.AsBytes(signature.AsSpan()));
    }
}
