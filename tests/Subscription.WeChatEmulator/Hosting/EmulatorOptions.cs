using Subscription.WeChatEmulator.Callbacks;
using Subscription.WeChatEmulator.Faults;

namespace Subscription.WeChatEmulator.Hosting;

/// <summary>Settings of one emulated official account. Bound from the "Emulator" configuration section too.</summary>
public sealed class EmulatorOptions
{
    public string AppId { get; set; } = "wx0e1d2c3b4a596877";

    public string AppSecret { get; set; } = "0123456789abcdef0123456789abcdef";

    /// <summary>The account's original id, sent as ToUserName in callbacks.</summary>
    public string OriginalId { get; set; } = "gh_0e1d2c3b4a59";

    /// <summary>
    /// What the account may do (§1): a service account has template messages, mass/send and a cap of 4 mass
    /// messages per follower per month; a subscription account gets 48001 for those and one is_to_all sendall a day.
    /// </summary>
    public AccountType AccountType { get; set; } = AccountType.Service;

    /// <summary>expires_in of issued tokens; WeChat currently says 7200 s (§6.1).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(7200);

    /// <summary>How long a classic token stays valid after a newer one was issued (§6.1: 5 minutes).</summary>
    public TimeSpan TokenOverlap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>stable_token normal mode hands out a new token this long before the current one expires (§6.2).</summary>
    public TimeSpan StableRefreshBefore { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Daily API quotas (§14) → 45009, and the messaging quotas of §1 (mass sends per user per month).</summary>
    public bool EnforceQuotas { get; set; } = true;

    /// <summary>Per-minute limits (mass send 60/min, stable_token 10 000/min) → 45011.</summary>
    public bool EnforceRateLimits { get; set; } = true;

    /// <summary>Overrides of the §14 daily limits, keyed by cgi path (e.g. "/cgi-bin/message/custom/send").</summary>
    public Dictionary<string, int> DailyLimits { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per-trigger custom-message allowances (§9): 5 after a user message, 3 within a minute after an event.</summary>
    public bool EnforceCustomTriggerQuota { get; set; } = true;

    /// <summary>Template ids the account has; empty accepts any well-formed id.</summary>
    public List<string> TemplateIds { get; set; } = [];

    /// <summary>Seed for fault injection and drift; null = unpredictable.</summary>
    public int? RandomSeed { get; set; }

    /// <summary>Followers seeded at start-up (openids derived from their index).</summary>
    public int SeedFollowers { get; set; }

    public FaultSettings Faults { get; set; } = new();

    public CallbackOptions Callback { get; set; } = new();

    /// <summary>Base clock; tests may pass their own. The emulator adds an adjustable offset on top.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}

public enum AccountType
{
    Service,
    Subscription,
}
