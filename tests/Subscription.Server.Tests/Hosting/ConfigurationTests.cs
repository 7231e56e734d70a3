using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Hosting;

[Trait("Category", "Storage")]
public sealed class ConfigurationTests(StoreFixture store)
{
    /// <summary>A production host with only the given settings (no development values).</summary>
    private sealed class ProductionFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.ConfigureLogging(logging => logging.ClearProviders());
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    private Dictionary<string, string?> CompleteSettings() => new()
    {
        ["WeChat:AppId"] = TestAccount.AppId,
        ["WeChat:AppSecret"] = TestAccount.AppSecret,
        ["WeChat:Token"] = TestAccount.Token,
        ["WeChat:EncodingAesKey"] = TestAccount.EncodingAesKey,
        ["Admin:ApiKey"] = TestAccount.AdminApiKey,
        ["Redis:Configuration"] = store.ConnectionString,
        ["Redis:KeyPrefix"] = StoreFixture.NewPrefix(),
    };

    [Theory]
    [InlineData("WeChat:Token", null, "WeChat:Token is missing")]
    [InlineData("WeChat:AppSecret", "", "WeChat:AppSecret is missing")]
    [InlineData("WeChat:EncodingAesKey", null, "WeChat:EncodingAesKey is missing")]
    [InlineData("WeChat:EncodingAesKey", "too-short", "WeChat:EncodingAesKey must be exactly 43")]
    [InlineData("WeChat:Token", "bad token!", "WeChat:Token must be 3 to 32")]
    [InlineData("Admin:ApiKey", null, "Admin:ApiKey is missing")]
    [InlineData("Callback:StorageTimeout", "00:00:09", "StorageTimeout")]
    public async Task Start_InProductionWithABadSetting_FailsNamingIt(string key, string? value, string expected)
    {
        var settings = CompleteSettings();
        settings[key] = value;

        var error = await StartupFailure.OfAsync(() => new ProductionFactory(settings));

        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InProductionWithEverySetting_Serves()
    {
        await using var factory = new ProductionFactory(CompleteSettings());
        using var response = await factory.CreateClient().GetAsync("/healthz");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
