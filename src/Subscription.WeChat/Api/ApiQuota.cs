using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

/// <summary>Today's quota of one API (§14 <c>openapi/quota/get</c>).</summary>
public sealed record ApiQuota(
    [property: JsonPropertyName("daily_limit")] long DailyLimit,
    [property: JsonPropertyName("used")] long Used,
    [property: JsonPropertyName("remain")] long Remain);
