namespace Subscription.Benchmarks;

/// <summary>The benchmark cannot run, or its results cannot be trusted; the message says why.</summary>
public sealed class BenchmarkException(string message) : Exception(message);
