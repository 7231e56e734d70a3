namespace Subscription.Server.Tests.Emulator;

[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public sealed class MemoryTestsCollection;

/// <summary>Alone in its collection: other tests allocating meanwhile would blur the measurement.</summary>
[Collection(nameof(MemoryTests))]
public sealed class MemoryTests : EmulatorTest
{
    [Fact]
    public async Task A_million_followers_stay_cheap()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var seeded = await Api.AdminAsync("followers/seed", new { count = 1_000_000 });
        var growth = GC.GetTotalMemory(forceFullCollection: true) - before;

        Assert.Equal(1_000_000, seeded.GetProperty("subscribed").GetInt32());
        Assert.True(growth < 100L * 1024 * 1024, $"seeding a million followers took {growth / 1024 / 1024} MB");

        var token = await Api.TokenAsync();
        var page = await Api.GetAsync($"/cgi-bin/user/get?access_token={token}&next_openid={OpenId(999_990)}");
        Assert.Equal(1_000_000, page.GetProperty("total").GetInt32());
        Assert.Equal(9, page.GetProperty("count").GetInt32());
    }
}
