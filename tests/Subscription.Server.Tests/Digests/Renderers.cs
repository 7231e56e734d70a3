using System.Globalization;
using Microsoft.Extensions.Options;
using Subscription.Server.Digests;

namespace Subscription.Server.Tests.Digests;

internal static class Renderers
{
    public const string BaseUrl = "https://digest.example.cn";
    public const string CoverUrl = "https://digest.example.cn/cover.jpg";

    public static DigestRenderer Create(string baseUrl = BaseUrl, Action<DigestOptions>? configure = null)
    {
        var options = new DigestOptions { PublicBaseUrl = new Uri(baseUrl), CoverImageUrl = new Uri(CoverUrl) };
        configure?.Invoke(options);
        return new DigestRenderer(Options.Create(options));
    }

    public static int Elements(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>True when no UTF-16 surrogate in the text is without its partner.</summary>
    public static bool SurrogatesPaired(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Asserts the parts occur in the text in this order.</summary>
    public static void InOrder(string text, IEnumerable<string> parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{part}' missing or out of order");
            at = found + part.Length;
        }
    }
}
