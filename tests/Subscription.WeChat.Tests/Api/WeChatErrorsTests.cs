using Subscription.WeChat.Api;

namespace Subscription.WeChat.Tests.Api;

public sealed class WeChatErrorsTests
{
    // Every code in the spec's §15 table, plus 61004 (IP not whitelisted on the token APIs, §6.1).
    public static TheoryData<int> SpecCodes() =>
    [
        -1, 40001, 40002, 40003, 40007, 40008, 40013, 40014, 40016, 40017, 40018, 40019, 40020, 40021, 40022, 40023, 40024,
        40025, 40026, 40027, 40032, 40130, 40033, 40037, 40125, 40164, 40243, 41001, 42001, 43004, 43019, 43101, 44004, 44002,
        45002, 45008, 45009, 45011, 45015, 45028, 45047, 45064, 45065, 45066, 45067, 45106, 45157, 45158, 45056, 45057, 45058,
        45159, 46004, 47001, 47003, 48001, 48002, 48004, 48006, 50001, 50002, 50005, 53500, 53501, 53502, 53503, 53504, 53505,
        53600, 61451, 76001, 76002, 76003, 76004, 76021, 76022, 89503, 89506, 89507, 61004,
    ];

    [Theory]
    [MemberData(nameof(SpecCodes))]
    public void Classify_SpecCode_IsKnown(int errCode) => Assert.NotEqual(WeChatErrorClass.Unknown, WeChatErrors.Classify(errCode));

    [Theory]
    [InlineData(-1, WeChatErrorClass.Busy)]
    [InlineData(40001, WeChatErrorClass.TokenInvalid)]
    [InlineData(40014, WeChatErrorClass.TokenInvalid)]
    [InlineData(42001, WeChatErrorClass.TokenInvalid)]
    [InlineData(45011, WeChatErrorClass.RateLimited)]
    [InlineData(45009, WeChatErrorClass.QuotaExhausted)]
    [InlineData(45028, WeChatErrorClass.QuotaExhausted)]
    [InlineData(43004, WeChatErrorClass.Recipient)]
    [InlineData(40003, WeChatErrorClass.Recipient)]
    [InlineData(45047, WeChatErrorClass.Recipient)]
    [InlineData(48002, WeChatErrorClass.Recipient)]
    [InlineData(40164, WeChatErrorClass.Configuration)]
    [InlineData(61004, WeChatErrorClass.Configuration)]
    [InlineData(89507, WeChatErrorClass.Configuration)]
    [InlineData(40033, WeChatErrorClass.Request)]
    [InlineData(45067, WeChatErrorClass.Request)]
    [InlineData(47003, WeChatErrorClass.Request)]
    [InlineData(45065, WeChatErrorClass.Duplicate)]
    [InlineData(45066, WeChatErrorClass.Duplicate)]
    [InlineData(12345, WeChatErrorClass.Unknown)]
    public void Classify_Code_MapsToClass(int errCode, WeChatErrorClass expected) => Assert.Equal(expected, WeChatErrors.Classify(errCode));

    [Fact]
    public void Table_EveryClassButUnknown_HasCodes()
    {
        var used = WeChatErrors.Table.Values.ToHashSet();

        Assert.All(Enum.GetValues<WeChatErrorClass>().Where(c => c != WeChatErrorClass.Unknown), c => Assert.Contains(c, used));
    }

    [Theory]
    [InlineData(43004, true)]
    [InlineData(46004, true)]
    [InlineData(50005, true)]
    [InlineData(43019, false)]
    [InlineData(48002, false)]
    [InlineData(50002, false)]
    [InlineData(40003, false)]
    public void IsFollowerGone_Code_OnlyForUnfollowedOrMissing(int errCode, bool expected) =>
        Assert.Equal(expected, WeChatErrors.IsFollowerGone(errCode));

    [Fact]
    public void IsFollowerGone_GoneCodes_AreRecipientClass() =>
        Assert.All(WeChatErrors.Table.Keys.Where(WeChatErrors.IsFollowerGone), code => Assert.Equal(WeChatErrorClass.Recipient, WeChatErrors.Classify(code)));

    [Theory]
    [InlineData(45066, 60)]
    [InlineData(45011, 60)]
    public void MinimumRetryDelay_StatedWait_Returned(int errCode, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), WeChatErrors.MinimumRetryDelay(errCode));

    [Fact]
    public void MinimumRetryDelay_OtherCode_Null() => Assert.Null(WeChatErrors.MinimumRetryDelay(-1));
}
