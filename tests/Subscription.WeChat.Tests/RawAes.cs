using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Subscription.WeChat.Tests;

/// <summary>Independent AES-256-CBC access for building malformed ciphertexts and inspecting plaintexts.</summary>
internal static class RawAes
{
    public static byte[] Decrypt(string encodingAesKey, string encrypt)
    {
        using var aes = Create(encodingAesKey, out var iv);
        return aes.DecryptCbc(Convert.FromBase64String(encrypt), iv, PaddingMode.None);
    }

    public static string Encrypt(string encodingAesKey, byte[] paddedFullStr)
    {
        using var aes = Create(encodingAesKey, out var iv);
        return Convert.ToBase64String(aes.EncryptCbc(paddedFullStr, iv, PaddingMode.None));
    }

    /// <summary>random16 || BE length || msg || appid, without padding.</summary>
    public static byte[] FullStr(byte[] msg, string appId, int? declaredLength = null)
    {
        var appIdBytes = Encoding.UTF8.GetBytes(appId);
        var fullStr = new byte[20 + msg.Length + appIdBytes.Length];
        "0123456789abcdef"u8.CopyTo(fullStr);
        BinaryPrimitives.WriteInt32BigEndian(fullStr.AsSpan(16), declaredLength ?? msg.Length);
        msg.CopyTo(fullStr, 20);
        appIdBytes.CopyTo(fullStr, 20 + msg.Length);
        return fullStr;
    }

    public static byte[] Pad32(byte[] data)
    {
        var pad = 32 - (data.Length % 32);
        return [.. data, .. Enumerable.Repeat((byte)pad, pad)];
    }

    private static Aes Create(string encodingAesKey, out byte[] iv)
    {
        var key = Convert.FromBase64String(encodingAesKey + "=");
        iv = key[..16];
        var aes = Aes.Create();
        aes.Key = key;
        return aes;
    }
}
