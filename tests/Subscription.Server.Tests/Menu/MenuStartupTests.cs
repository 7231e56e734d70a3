using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Menu;

[Trait("Category", "Storage")]
public sealed class MenuStartupTests(StoreFixture store)
{
    [Fact]
    public async Task Start_BadMenuFile_FailsNamingTheButton()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, """
            {"button":[{"type":"click","name":"最新一期","key":"latest"},
                       {"name":"更多","sub_button":[{"type":"click","name":"神秘按钮","key":"mystery"}]}]}
            """, TestContext.Current.CancellationToken);
        try
        {
            var error = await StartupFailure.OfAsync(() => new ServerFactory(store, new Dictionary<string, string?> { ["Menu:Path"] = path }));

            Assert.Contains("button '更多' > '神秘按钮': no handler answers the key 'mystery'", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Start_MissingMenuFile_FailsNamingIt()
    {
        var error = await StartupFailure.OfAsync(() => new ServerFactory(store, new Dictionary<string, string?> { ["Menu:Path"] = "/nonexistent/menu.json" }));
        Assert.Contains("/nonexistent/menu.json cannot be read", error.ToString(), StringComparison.Ordinal);
    }
}
