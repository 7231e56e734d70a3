using Subscription.WeChatEmulator.Callbacks;
using Subscription.WeChatEmulator.Deliveries;
using Subscription.WeChatEmulator.Faults;
using Subscription.WeChatEmulator.Followers;
using Subscription.WeChatEmulator.Mass;
using Subscription.WeChatEmulator.Media;
using Subscription.WeChatEmulator.Menu;
using Subscription.WeChatEmulator.Messaging;
using Subscription.WeChatEmulator.Quotas;
using Subscription.WeChatEmulator.Tags;
using Subscription.WeChatEmulator.Tokens;

namespace Subscription.WeChatEmulator.Hosting;

/// <summary>
/// Everything one emulated account knows. One instance per app (a DI singleton); tests make a fresh one each,
/// so nothing leaks between them.
/// </summary>
public sealed class EmulatorState
{
    private readonly Lock _randomLock = new();
    private readonly Random _random;

    public EmulatorState(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Clock = new EmulatorClock(options.TimeProvider);
        _random = options.RandomSeed is { } seed ? new Random(seed) : new Random();
        Tokens = new TokenService(options, Clock);
        Followers = new FollowerStore(new OpenIdCodec(options.AppId), Clock);
        Tags = new TagStore(Followers);
        Deliveries = new DeliveryLog(Followers);
        Mass = new MassStore(Clock);
        Templates = new TemplateDedupe(Clock);
        Media = new MaterialStore();
        Menu = new MenuStore();
        Quotas = new QuotaTracker(options, Clock);
        Faults = new FaultInjector(options.Faults, options.RandomSeed);
        if (options.SeedFollowers > 0)
        {
            Followers.Seed(options.SeedFollowers);
        }
    }

    public EmulatorOptions Options { get; }

    public EmulatorClock Clock { get; }

    public TokenService Tokens { get; }

    public FollowerStore Followers { get; }

    public TagStore Tags { get; }

    public DeliveryLog Deliveries { get; }

    public MassStore Mass { get; }

    public TemplateDedupe Templates { get; }

    public MaterialStore Media { get; }

    public MenuStore Menu { get; }

    public QuotaTracker Quotas { get; }

    public FaultInjector Faults { get; }

    public MessageIds Ids { get; } = new();

    public JobEventQueue JobEvents { get; } = new();

    /// <summary>Runs <paramref name="use"/> with the emulator's seeded random source, under its lock.</summary>
    public T WithRandom<T>(Func<Random, T> use)
    {
        lock (_randomLock)
        {
            return use(_random);
        }
    }
}
