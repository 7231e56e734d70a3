namespace Subscription.WeChat;

/// <summary>The single article of a news (图文) passive reply.</summary>
/// <param name="PicUrl">jpg/png; 360×200 suits the large card.</param>
public sealed record NewsArticle(string Title, string Description, string PicUrl, string Url);
