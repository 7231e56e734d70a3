namespace Subscription.WeChat;

public enum CryptoError
{
    /// <summary>The Encrypt value is not valid base64.</summary>
    InvalidBase64,

    /// <summary>Empty, not a whole number of AES blocks, or the decrypted message is not valid UTF-8.</summary>
    InvalidCiphertext,

    /// <summary>The 32-byte PKCS#7 padding is malformed.</summary>
    InvalidPadding,

    /// <summary>The plaintext is too short for its header or its length prefix points past the end.</summary>
    InvalidLength,

    /// <summary>The trailing receive_id is not our AppID (official samples: -40005).</summary>
    AppIdMismatch,
}
