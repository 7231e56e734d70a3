using Subscription.WeChatEmulator.Api;

namespace Subscription.WeChatEmulator.Faults;

/// <summary>Draws one fault per request from the family's profile; profiles can change while running.</summary>
public sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private readonly Random _random;
    private readonly Dictionary<ApiFamily, FaultProfile> _families;
    private readonly Dictionary<FaultKind, int> _injected = [];
    private FaultProfile _default;

    public FaultInjector(FaultSettings settings, int? seed)
    {
        _random = seed is { } s ? new Random(s) : new Random();
        _default = settings.Default.Clone();
        _families = settings.Families.ToDictionary(pair => pair.Key, pair => pair.Value.Clone());
    }

    public Fault Decide(ApiFamily family)
    {
        lock (_lock)
        {
            var profile = _families.GetValueOrDefault(family) ?? _default;
            var roll = _random.NextDouble();
            var fault = Pick(profile, roll);
            if (fault.Kind != FaultKind.None)
            {
                _injected[fault.Kind] = _injected.GetValueOrDefault(fault.Kind) + 1;
            }

            return fault;
        }
    }

    /// <summary>Replaces the profile of one family, or the default profile when <paramref name="family"/> is null.</summary>
    public void Set(ApiFamily? family, FaultProfile profile)
    {
        lock (_lock)
        {
            if (family is { } f)
            {
                _families[f] = profile.Clone();
            }
            else
            {
                _default = profile.Clone();
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _families.Clear();
            _default = new FaultProfile();
        }
    }

    public FaultSettings Current
    {
        get
        {
            lock (_lock)
            {
                return new FaultSettings
                {
                    Default = _default.Clone(),
                    Families = _families.ToDictionary(pair => pair.Key, pair => pair.Value.Clone()),
                };
            }
        }
    }

    /// <summary>How many faults of each kind were injected so far.</summary>
    public IReadOnlyDictionary<FaultKind, int> Injected
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<FaultKind, int>(_injected);
            }
        }
    }

    private static Fault Pick(FaultProfile p, double roll)
    {
        var kind = FaultKind.None;
        var errcode = 0;
        var edge = 0.0;
        foreach (var (candidate, rate) in new[]
        {
            (FaultKind.Http500, p.Http500Rate),
            (FaultKind.Timeout, p.TimeoutRate),
            (FaultKind.TimeoutAfterDelivery, p.TimeoutAfterDeliveryRate),
            (FaultKind.DropAfterDelivery, p.DropAfterDeliveryRate),
        })
        {
            edge += rate;
            if (kind == FaultKind.None && roll < edge)
            {
                kind = candidate;
            }
        }

        foreach (var (code, rate) in p.ErrorRates.OrderBy(pair => pair.Key))
        {
            edge += rate;
            if (kind == FaultKind.None && roll < edge)
            {
                (kind, errcode) = (FaultKind.Errcode, code);
            }
        }

        return new Fault(kind, errcode, p.Latency, p.HangFor);
    }
}
