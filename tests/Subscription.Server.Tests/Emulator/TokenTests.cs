namespace Subscription.Server.Tests.Emulator;

public sealed class TokenTests : EmulatorTest
{
    [Fact]
    public async Task Classic_token_is_issued_counted_and_accepted()
    {
        var body = await Api.GetAsync($"/cgi-bin/token?grant_type=client_credential&appid={Api.AppId}&secret={Api.Secret}");

        Assert.Equal(7200, body.GetProperty("expires_in").GetInt32());
        var token = body.GetProperty("access_token").GetString()!;
        Assert.Equal(0, Errcode(await Api.GetAsync($"/cgi-bin/user/get?access_token={token}")));
        Assert.Equal(1, State.Tokens.Stats.Fetches);
        var stats = await Api.GetAsync("/_emulator/tokens");
        Assert.Equal(1, stats.GetProperty("fetches").GetInt32());
    }

    [Theory]
    [InlineData("client_credential", "wxnotthisaccount00", "0123456789abcdef0123456789abcdef", 40013)]
    [InlineData("client_credential", null, "wrong", 40125)]
    [InlineData("password", null, "0123456789abcdef0123456789abcdef", 40002)]
    public async Task Bad_credentials_get_wechat_errcodes(string grantType, string? appId, string secret, int errcode)
    {
        var body = await Api.GetAsync($"/cgi-bin/token?grant_type={grantType}&appid={appId ?? Api.AppId}&secret={secret}");
        Assert.Equal(errcode, Errcode(body));
        Assert.Contains("rid:", body.GetProperty("errmsg").GetString());
        Assert.Equal(0, State.Tokens.Stats.Fetches);
    }

    [Fact]
    public async Task Missing_unknown_and_expired_tokens_are_refused()
    {
        Assert.Equal(41001, Errcode(await Api.GetAsync("/cgi-bin/user/get")));
        Assert.Equal(40001, Errcode(await Api.GetAsync("/cgi-bin/user/get?access_token=nonsense")));

        var token = await Api.TokenAsync();
        await Api.AdminAsync("clock/advance", new { seconds = 7201 });
        Assert.Equal(42001, Errcode(await Api.GetAsync($"/cgi-bin/user/get?access_token={token}")));
    }

    [Fact]
    public async Task A_new_classic_token_leaves_the_old_one_valid_for_five_minutes()
    {
        var first = await Api.TokenAsync();
        var second = await Api.TokenAsync();
        Assert.NotEqual(first, second);
        Assert.Equal(0, Errcode(await Api.GetAsync($"/cgi-bin/user/get?access_token={first}")));

        Advance(TimeSpan.FromSeconds(301));
        Assert.Equal(40001, Errcode(await Api.GetAsync($"/cgi-bin/user/get?access_token={first}")));
        Assert.Equal(0, Errcode(await Api.GetAsync($"/cgi-bin/user/get?access_token={second}")));
        Assert.Equal(2, State.Tokens.Stats.ClassicFetches);
    }

    [Fact]
    public async Task Stable_token_normal_mode_returns_the_current_token_until_five_minutes_before_expiry()
    {
        var first = await Api.StableTokenAsync();
        Advance(TimeSpan.FromSeconds(100));
        var again = await Api.StableTokenAsync();
        Assert.Equal(first.GetProperty("access_token").GetString(), again.GetProperty("access_token").GetString());
        Assert.Equal(7100, again.GetProperty("expires_in").GetInt32());

        // Classic fetches don't touch stable tokens (§6.2: isolated).
        await Api.TokenAsync();
        var stable = again.GetProperty("access_token").GetString()!;
        Assert.Equal(0, Errcode(await Api.GetAsync($"/cgi-bin/user/get?access_token={stable}")));

        Advance(TimeSpan.FromSeconds(6800));
        var renewed = await Api.StableTokenAsync();
        Assert.NotEqual(stable, renewed.GetProperty("access_token").GetString());
        Assert.Equal(7200, renewed.GetProperty("expires_in").GetInt32());
        Assert.Equal(0, Errcode(await Api.GetAsync($"/cgi-bin/user/get?access_token={stable}")));
    }

    [Fact]
    public async Task Force_refresh_rotates_at_most_every_30_seconds_and_20_times_a_day()
    {
        var normal = (await Api.StableTokenAsync()).GetProperty("access_token").GetString();
        var forced = await Api.StableTokenAsync(forceRefresh: true);
        Assert.NotEqual(normal, forced.GetProperty("access_token").GetString());
        Assert.Equal(40001, Errcode(await Api.GetAsync($"/cgi-bin/user/get?access_token={normal}")));

        Assert.Equal(45011, Errcode(await Api.StableTokenAsync(forceRefresh: true)));
        for (var i = 2; i <= 20; i++)
        {
            Advance(TimeSpan.FromSeconds(31));
            Assert.Equal(0, Errcode(await Api.StableTokenAsync(forceRefresh: true)));
        }

        Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(45009, Errcode(await Api.StableTokenAsync(forceRefresh: true)));
        Assert.Equal(20, State.Tokens.Stats.ForceRefreshes);
    }

    [Fact]
    public async Task Admin_can_expire_revoke_and_rotate_tokens()
    {
        var token = await Api.TokenAsync();
        await Api.AdminAsync("tokens/expire");
        Assert.Equal(42001, Errcode(await Api.GetAsync($"/cgi-bin/user/get?access_token={token}")));

        token = await Api.TokenAsync();
        await Api.AdminAsync("tokens/revoke");
        Assert.Equal(40001, Errcode(await Api.GetAsync($"/cgi-bin/user/get?access_token={token}")));

        token = await Api.TokenAsync();
        await Api.AdminAsync("tokens/rotate");
        Assert.Equal(0, Errcode(await Api.GetAsync($"/cgi-bin/user/get?access_token={token}")));
        Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(40001, Errcode(await Api.GetAsync($"/cgi-bin/user/get?access_token={token}")));
    }
}
