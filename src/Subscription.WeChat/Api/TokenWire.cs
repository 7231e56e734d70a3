using System.Text.Json.Serialization;

namespace Subscription.WeChat.Api;

internal sealed record StableTokenRequest(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("appid")] string AppId,
    [property: JsonPropertyName("secret")] string Secret,
    [property: JsonPropertyName("force_refresh")] bool ForceRefresh)
{
    // Records print every member; this one holds the AppSecret.
    public override string ToString() => $"StableTokenRequest {{ AppId = {AppId}, ForceRefresh = {ForceRefresh} }}";
}

internal sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn)
{
    public override string ToString() => $"TokenResponse {{ ExpiresIn = {ExpiresIn} }}";
}
