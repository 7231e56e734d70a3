namespace Subscription.WeChatEmulator.Callbacks;

/// <summary>Where and how the emulator pushes callbacks (§2) to the server under test.</summary>
public sealed class CallbackOptions
{
    /// <summary>The server's callback URL (e.g. http://127.0.0.1:5000/wechat); null = push nothing.</summary>
    public string? ServerUrl { get; set; }

    /// <summary>The Token configured on both sides; signs every push (§2.2).</summary>
    public string Token { get; set; } = "emulatortoken";

    /// <summary>43-character EncodingAESKey; required for the compatible and safe modes (§3).</summary>
    public string? EncodingAesKey { get; set; }

    public CallbackMode Mode { get; set; } = CallbackMode.Plain;

    /// <summary>Push MASSSENDJOBFINISH / TEMPLATESENDJOBFINISH after sends (§4.6, §4.7).</summary>
    public bool JobFinishEvents { get; set; } = true;

    public TimeSpan JobFinishDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>WeChat waits 5 s for an answer, then drops the connection and retries (§5.1).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries after a time-out or a non-2xx answer; §5.1 says three.</summary>
    public int Retries { get; set; } = 3;
}

/// <summary>The three message modes of §2.4.</summary>
public enum CallbackMode
{
    Plain,
    Compatible,
    Safe,
}
