using Subscription.WeChatEmulator.Api;

namespace Subscription.WeChatEmulator.Faults;

/// <summary>Fault profiles per API family; a family without its own profile uses <see cref="Default"/>.</summary>
public sealed class FaultSettings
{
    public FaultProfile Default { get; set; } = new();

    public Dictionary<ApiFamily, FaultProfile> Families { get; set; } = [];
}

public enum FaultKind
{
    None,
    Errcode,
    Http500,
    Timeout,
    TimeoutAfterDelivery,
    DropAfterDelivery,
}

/// <summary>The fault chosen for one request.</summary>
public readonly record struct Fault(FaultKind Kind, int Errcode, TimeSpan Latency, TimeSpan HangFor);
