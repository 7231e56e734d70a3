namespace Subscription.WeChat.Api;

/// <summary>A token as issued: <paramref name="ExpiresIn"/> is the remaining lifetime, not always 7200 s (§6.2).</summary>
public sealed record AccessToken(string Value, TimeSpan ExpiresIn)
{
    // The token is a credential: keep it out of logs that print records.
    public override string ToString() => $"AccessToken {{ Value = ***({Value.Length} chars), ExpiresIn = {ExpiresIn} }}";
}
