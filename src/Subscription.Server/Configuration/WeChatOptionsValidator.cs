using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Subscription.Server.Configuration;

/// <summary>Names the setting that is wrong, and where a secret is expected to come from.</summary>
internal sealed partial class WeChatOptionsValidator : IValidateOptions<WeChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WeChatOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            failures.Add("WeChat:AppId is missing (environment variable WeChat__AppId).");
        }

        RequireSecret(failures, "AppSecret", options.AppSecret);
        RequireSecret(failures, "Token", options.Token);
        RequireSecret(failures, "EncodingAesKey", options.EncodingAesKey);
        if (options.Token.Length > 0 && !TokenPattern().IsMatch(options.Token))
        {
            failures.Add("WeChat:Token must be 3 to 32 letters or digits, as the WeChat console requires.");
        }

        if (options.EncodingAesKey.Length > 0 && !AesKeyPattern().IsMatch(options.EncodingAesKey))
        {
            failures.Add("WeChat:EncodingAesKey must be exactly 43 letters or digits.");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http"))
        {
            failures.Add("WeChat:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (!Enum.IsDefined(options.AccountType))
        {
            failures.Add("WeChat:AccountType must be 'subscription' or 'service'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireSecret(List<string> failures, string key, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"WeChat:{key} is missing: set the environment variable WeChat__{key} or a user secret; secrets are never read from committed files.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9]{3,32}$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("^[A-Za-z0-9]{43}$")]
    private static partial Regex AesKeyPattern();
}
