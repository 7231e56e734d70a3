namespace Subscription.Server.Configuration;

public enum AccountType { Subscription, Service }

/// <summary>Settings "WeChat:*". AppSecret, Token and EncodingAesKey are secrets: environment or user secrets only.</summary>
public sealed class WeChatOptions
{
    public const string Section = "WeChat";

    public string AppId { get; set; } = "";

    public string AppSecret { get; set; } = "";

    /// <summary>The Token entered in the WeChat console; signs every callback.</summary>
    public string Token { get; set; } = "";

    /// <summary>The 43-character EncodingAESKey for compatible and safe message modes.</summary>
    public string EncodingAesKey { get; set; } = "";

    public Uri ApiBaseUrl { get; set; } = new("https://api.weixin.qq.com");

    public AccountType AccountType { get; set; } = AccountType.Subscription;

    /// <summary>The "new issue" template (§10) the template channel sends; service accounts only.</summary>
    public string DigestTemplateId { get; set; } = "";

    /// <summary>How long one WeChat API call may take before it counts as a time-out (WeChat may still have acted).</summary>
    public TimeSpan ApiTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
