namespace Subscription.Server.Digests;

/// <summary>
/// WeChat's limits on each message form. "Characters" are text elements (StringInfo), so an emoji or a
/// CJK character counts once and is never cut. Where the team's WeChat protocol notes
/// name no limit, the value is a conservative choice of ours and says so.
/// </summary>
public static class DigestLimits
{
    /// <summary>Passive text reply: "≈ 2 KB (community reports 2047 UTF-8 bytes)" (§5.3), treated as a hard cap.</summary>
    public const int TextBytes = 2047;

    /// <summary>News card title: no documented limit (§5.4); ours, so the card never truncates mid-title.</summary>
    public const int NewsTitleCharacters = 64;

    /// <summary>News card description: no documented limit (§5.4); ours.</summary>
    public const int NewsDescriptionCharacters = 120;

    /// <summary>Draft title: not stated in §13; ours, about what the mass-send card shows.</summary>
    public const int DraftTitleCharacters = 32;

    /// <summary>Draft author: not stated in §13; ours.</summary>
    public const int DraftAuthorCharacters = 16;

    /// <summary>Draft digest: not stated in §13; ours.</summary>
    public const int DraftDigestCharacters = 120;

    /// <summary>Draft content must be "&lt; 20 000 chars" (§13.1); counted as UTF-16 units, which never undercounts.</summary>
    public const int DraftContentCharactersBelow = 20_000;

    /// <summary>Draft content must be "&lt; 1 MB" (§13.1), counted in UTF-8 bytes.</summary>
    public const int DraftContentBytesBelow = 1024 * 1024;

    /// <summary>Template messages since 2023-05-04: each keyword value ≤ 20 characters, no line breaks (§10).</summary>
    public const int TemplateValueCharacters = 20;

    /// <summary>Ours: keeps the issue link (twice, with markup) well inside <see cref="TextBytes"/>.</summary>
    public const int PublicBaseUrlLength = 512;
}
