namespace Subscription.WeChat.Tests.Api;

internal static class JsonEscapes
{
    /// <summary>True when raw JSON holds a <c>\uXXXX</c> escape — not fooled by an escaped backslash followed by 'u'.</summary>
    public static bool ContainsUnicodeEscape(ReadOnlySpan<byte> json)
    {
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != (byte)'\\')
            {
                continue;
            }

            if (i + 1 < json.Length && json[i + 1] == (byte)'u')
            {
                return true;
            }

            i++;
        }

        return false;
    }
}
