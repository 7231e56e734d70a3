using System.Collections.Frozen;
using static Subscription.WeChat.Api.WeChatErrorClass;

namespace Subscription.WeChat.Api;

/// <summary>The errcode table (§15, plus the token-endpoint codes of §6.1): one class per code.</summary>
public static class WeChatErrors
{
    private static readonly (WeChatErrorClass Class, int[] Codes)[] Rows =
    [
        (Busy, [-1]),
        (TokenInvalid, [40001, 40014, 42001]),
        // 53501 "publishing too often" is a back-off, not a quota.
        (RateLimited, [45011, 53501]),
        // 48006: clear_quota itself is exhausted (10/month), so the quota cannot be reset either.
        (QuotaExhausted, [45009, 45028, 48006]),
        // 45047 is the per-follower custom-message limit (§9): backing everyone off would stall other followers,
        // and retrying cannot succeed until that follower interacts again, so it is skipped like any per-follower failure.
        (Recipient, [40003, 43004, 43019, 43101, 45015, 45047, 46004, 48002, 50002, 50005]),
        // 61004: the new guide's code for a caller IP that is not whitelisted (§6.1), same as 40164.
        // 45064 and 53500 need a change in the console (link the mini program / publishing ban), not in our request.
        (Configuration, [40013, 40037, 40125, 40164, 40243, 45064, 48001, 48004, 50001, 50004, 50007, 53500, 61004, 89503, 89506, 89507]),
        // 40015–40027, 40054, 40055, 65316: menu structure (§7). 40007: media_id unknown — re-upload, don't retry as is.
        // 45106: an API WeChat has switched off (add_news) — our code must migrate. 46003: no menu exists.
        (Request,
        [
            40002, 40007, 40008, 40015, 40016, 40017, 40018, 40019, 40020, 40021, 40022, 40023, 40024, 40025, 40026, 40027,
            40032, 40033, 40054, 40055, 40130, 41001, 41004, 44002, 44004, 45002, 45008, 45056, 45057, 45058, 45067,
            45083, 45084, 45106, 45157, 45158, 45159, 46003, 47001, 47003, 53502, 53503, 53504, 53505, 53600, 61451,
            65316, 76001, 76002, 76003, 76004, 76021, 76022,
        ]),
        (Duplicate, [45065, 45066]),
    ];

    private static readonly FrozenSet<int> FollowerGoneCodes = FrozenSet.Create(43004, 46004, 50005);

    /// <summary>Every classified errcode.</summary>
    public static IReadOnlyDictionary<int, WeChatErrorClass> Table { get; } =
        Rows.SelectMany(row => row.Codes.Select(code => KeyValuePair.Create(code, row.Class))).ToFrozenDictionary();

    /// <summary>The class of a non-zero errcode; <see cref="Unknown"/> for codes not in the table.</summary>
    public static WeChatErrorClass Classify(int errCode) => Table.GetValueOrDefault(errCode, Unknown);

    /// <summary>True when the follower no longer follows or no longer exists: mark them unsubscribed (§16.5).</summary>
    public static bool IsFollowerGone(int errCode) => FollowerGoneCodes.Contains(errCode);

    /// <summary>The shortest wait before a retry can succeed, where WeChat states one (45011: next minute; 45066: ≥ 60 s).</summary>
    public static TimeSpan? MinimumRetryDelay(int errCode) =>
        errCode is 45011 or 45066 ? TimeSpan.FromSeconds(60) : null;
}
