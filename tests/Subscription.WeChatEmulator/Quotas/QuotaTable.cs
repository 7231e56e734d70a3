using System.Collections.Frozen;

namespace Subscription.WeChatEmulator.Quotas;

/// <summary>A quota bucket: calls to the paths mapped to it count together.</summary>
public sealed record QuotaRule(string Bucket, int DailyLimit, int PerMinute = 0);

/// <summary>Default daily quotas of a new account (§14) and the documented per-minute limits.</summary>
public static class QuotaTable
{
    private const string Mass = "mass";

    public static FrozenDictionary<string, QuotaRule> Rules { get; } = new Dictionary<string, QuotaRule>(StringComparer.Ordinal)
    {
        ["/cgi-bin/token"] = new("token", 2_000),
        ["/cgi-bin/stable_token"] = new("stable_token", 500_000, PerMinute: 10_000),
        ["/cgi-bin/menu/create"] = new("menu/create", 1_000),
        ["/cgi-bin/menu/get"] = new("menu/get", 10_000),
        ["/cgi-bin/menu/delete"] = new("menu/delete", 1_000),
        ["/cgi-bin/message/custom/send"] = new("custom/send", 500_000),
        // "高级群发" is one quota for sendall and send; the 60/min request rate is §13.5.
        ["/cgi-bin/message/mass/sendall"] = new(Mass, 100, PerMinute: 60),
        ["/cgi-bin/message/mass/send"] = new(Mass, 100, PerMinute: 60),
        ["/cgi-bin/user/get"] = new("user/get", 500),
        ["/cgi-bin/user/info"] = new("user/info", 5_000_000),
        ["/cgi-bin/user/info/batchget"] = new("user/info/batchget", 5_000_000),
        ["/cgi-bin/draft/add"] = new("draft/add", 1_000),
        ["/cgi-bin/message/template/send"] = new("template/send", 100_000),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
