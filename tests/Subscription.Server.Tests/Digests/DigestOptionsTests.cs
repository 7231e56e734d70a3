using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Subscription.Server.Digests;

namespace Subscription.Server.Tests.Digests;

public sealed class DigestOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddDigests().BuildServiceProvider();
    }

    private static Dictionary<string, string?> Valid() => new()
    {
        ["Digest:PublicBaseUrl"] = "https://digest.example.cn/reader/",
        ["Digest:CoverImageUrl"] = "https://digest.example.cn/cover.jpg",
    };

    [Fact]
    public void AddDigests_ValidSettings_ResolvesRendererWithDefaults()
    {
        using var services = Build(Valid());

        var options = services.GetRequiredService<IOptions<DigestOptions>>().Value;
        var card = services.GetRequiredService<DigestRenderer>().NewsCard(SampleIssue.Create());

        Assert.Equal("大数据发展动态", options.Author);
        Assert.Equal(("thing1", "time2", "character_string3"), (options.TemplateFields.Title, options.TemplateFields.Date, options.TemplateFields.Issue));
        Assert.Equal("https://digest.example.cn/reader/issues/185", card.Url);
    }

    [Theory]
    [InlineData("Digest:PublicBaseUrl", null, "Digest:PublicBaseUrl is required")]
    [InlineData("Digest:PublicBaseUrl", "/reader", "Digest:PublicBaseUrl must be an absolute http(s) URL")]
    [InlineData("Digest:PublicBaseUrl", "ftp://digest.example.cn", "Digest:PublicBaseUrl must be an absolute http(s) URL")]
    [InlineData("Digest:PublicBaseUrl", "https://digest.example.cn/?page=1", "Digest:PublicBaseUrl must be an absolute http(s) URL")]
    [InlineData("Digest:CoverImageUrl", null, "Digest:CoverImageUrl is required")]
    [InlineData("Digest:CoverImageUrl", "cover.jpg", "Digest:CoverImageUrl must be an absolute http(s) URL")]
    [InlineData("Digest:TemplateFields:Date", "thing1", "must be distinct")]
    [InlineData("Digest:Publication", "大数据发展动态大数据发展动态大数据发展动态大数据发展动态大数据发展动态", "at most 32")]
    public void AddDigests_InvalidSetting_FailsValidationNamingIt(string key, string? value, string message)
    {
        var settings = Valid();
        settings[key] = value;
        using var services = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DigestOptions>>().Value);

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void AddDigests_OverlongBaseUrl_FailsValidation()
    {
        var settings = Valid();
        settings["Digest:PublicBaseUrl"] = "https://digest.example.cn/" + new string('x', 600);
        using var services = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DigestOptions>>().Value);

        Assert.Contains("at most 512 characters", error.Message);
    }
}
