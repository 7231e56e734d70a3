using Subscription.Server.Menu;

namespace Subscription.Server.Tests.Menu;

public sealed class MenuValidatorTests
{
    private static readonly Func<string, bool> AnyKey = _ => true;

    private static MenuButton Click(string name, string key = "help") => new(name, "click", Key: key);

    [Fact]
    public void Validate_ShippedMenu_HasNoErrors()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "menu.json"));
        var menu = System.Text.Json.JsonSerializer.Deserialize<MenuDefinition>(json)!;
        Assert.Empty(MenuValidator.Validate(menu, AnyKey));
        Assert.Equal(3, menu.Buttons.Count);
    }

    [Fact]
    public void Validate_FourTopLevelButtons_Refused()
    {
        var menu = new MenuDefinition([Click("a"), Click("b"), Click("c"), Click("d")]);
        Assert.Contains(MenuValidator.Validate(menu, AnyKey), e => e.Contains("1 to 3 top-level", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SixSubButtons_RefusedNamingTheParent()
    {
        var menu = new MenuDefinition([new MenuButton("栏目", SubButtons: Enumerable.Range(1, 6).Select(i => Click($"s{i}")).ToList())]);
        Assert.Contains(MenuValidator.Validate(menu, AnyKey), e => e.StartsWith("button '栏目': 1 to 5 sub-buttons", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("最新一期内容", false)] // 18 bytes of UTF-8 > 16
    [InlineData("最新一期", true)]      // 12 bytes
    public void Validate_TopLevelName_LimitedTo16Bytes(string name, bool ok)
    {
        var errors = MenuValidator.Validate(new MenuDefinition([Click(name)]), AnyKey);
        Assert.Equal(ok, errors.Count == 0);
        if (!ok)
        {
            Assert.Contains($"button '{name}': name is 18 bytes, the limit is 16", errors);
        }
    }

    [Fact]
    public void Validate_SubButtonName_LimitedTo60Bytes()
    {
        var longName = new string('栏', 21); // 63 bytes
        var menu = new MenuDefinition([new MenuButton("栏目", SubButtons: [Click(longName)])]);
        Assert.Contains(MenuValidator.Validate(menu, AnyKey), e => e.Contains("name is 63 bytes, the limit is 60", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_KeyOver128Bytes_Refused()
    {
        var errors = MenuValidator.Validate(new MenuDefinition([Click("a", new string('k', 129))]), AnyKey);
        Assert.Contains(errors, e => e.Contains("key is 129 bytes, the limit is 128", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1025, "url is 1025 bytes")]
    [InlineData(100, null)]
    public void Validate_ViewUrl_LimitedTo1024Bytes(int length, string? expected)
    {
        var url = "https://example.com/" + new string('a', length - 20);
        var errors = MenuValidator.Validate(new MenuDefinition([new MenuButton("v", "view", Url: url)]), AnyKey);
        if (expected is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("issues")]
    public void Validate_ViewUrlNeitherAbsoluteNorPath_Refused(string url)
    {
        var errors = MenuValidator.Validate(new MenuDefinition([new MenuButton("v", "view", Url: url)]), AnyKey);
        Assert.Contains(errors, e => e.Contains("absolute http(s) URL or a path", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ClickKeyWithoutHandler_RefusedNamingTheKey()
    {
        var errors = MenuValidator.Validate(new MenuDefinition([Click("x", "nobody")]), key => key != "nobody");
        Assert.Contains("button 'x': no handler answers the key 'nobody'", errors);
    }

    [Fact]
    public void Validate_UnknownTypeAndMissingKey_Refused()
    {
        var errors = MenuValidator.Validate(new MenuDefinition([new MenuButton("a", "teleport"), new MenuButton("b", "click")]), AnyKey);
        Assert.Contains("button 'a': unsupported type 'teleport'", errors);
        Assert.Contains("button 'b': a click button needs a key", errors);
    }
}
