namespace Subscription.WeChatEmulator.Faults;

/// <summary>What goes wrong, and how often, for one API family. Rates are probabilities in [0, 1].</summary>
public sealed class FaultProfile
{
    /// <summary>errcode → rate, e.g. { -1: 0.05 } answers 5 % of calls with "system error" and does nothing.</summary>
    public Dictionary<int, double> ErrorRates { get; set; } = [];

    /// <summary>Answer HTTP 500 with an HTML body (a failing gateway), doing nothing.</summary>
    public double Http500Rate { get; set; }

    /// <summary>Hang before doing anything, past the client's time-out.</summary>
    public double TimeoutRate { get; set; }

    /// <summary>Do the work (record the delivery), then hang: the client sees a time-out although the send happened.</summary>
    public double TimeoutAfterDeliveryRate { get; set; }

    /// <summary>Do the work, then reset the connection without answering.</summary>
    public double DropAfterDeliveryRate { get; set; }

    /// <summary>Added to every call of the family.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>How long a hang lasts; the request is abandoned earlier if the client disconnects.</summary>
    public TimeSpan HangFor { get; set; } = TimeSpan.FromSeconds(30);

    public FaultProfile Clone() => new()
    {
        ErrorRates = new Dictionary<int, double>(ErrorRates),
        Http500Rate = Http500Rate,
        TimeoutRate = TimeoutRate,
        TimeoutAfterDeliveryRate = TimeoutAfterDeliveryRate,
        DropAfterDeliveryRate = DropAfterDeliveryRate,
        Latency = Latency,
        HangFor = HangFor,
    };
}
