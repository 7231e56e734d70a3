namespace Subscription.Server.Digests;

/// <summary>One article for draft/add (§13.1); the caller adds thumb_media_id after uploading the cover.</summary>
/// <param name="Content">Self-contained HTML: inline styles only, no scripts, links as the only external references.</param>
/// <param name="ContentSourceUrl">The reader page, behind WeChat's "阅读原文".</param>
public sealed record DraftArticle(string Title, string Author, string Digest, string Content, string ContentSourceUrl);
