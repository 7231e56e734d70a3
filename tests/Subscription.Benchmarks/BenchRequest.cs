namespace Subscription.Benchmarks;

/// <summary>
/// One request ready to send: a relative URL, an optional XML body, and the text a correct answer contains.
/// A correct answer is a 200 whose body contains <see cref="Expect"/>.
/// </summary>
public sealed record BenchRequest(string Url, byte[]? Body, string Expect)
{
    public static readonly BenchRequest Livez = new("/livez", null, "live");
}
