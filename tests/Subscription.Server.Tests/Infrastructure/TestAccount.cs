namespace Subscription.Server.Tests.Infrastructure;

/// <summary>The account the tests' server is configured with (test values, not anyone's secrets).</summary>
public static class TestAccount
{
    public const string AppId = "wx1234567890abcdef";
    public const string AppSecret = "test-app-secret-0123456789";
    public const string Token = "TestToken42";
    public const string EncodingAesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string AdminApiKey = "test-admin-key-0123456789";
    public const string OriginalId = "gh_test_account";
}
