using Subscription.Server.Issues;

namespace Subscription.Server.Tests.Issues;

public sealed class IssueSummaryTests
{
    [Fact]
    public void Extract_ShortLeadSentence_ReturnsItThroughItsFullStop() =>
        Assert.Equal("第一句。", IssueSummary.Extract(["第一句。第二句。", "另一段。"]));

    [Theory]
    [InlineData("真的吗？是的。", "真的吗？")]
    [InlineData("好！再见。", "好！")]
    [InlineData("他说“完成了。”然后走了。", "他说“完成了。”")]
    [InlineData("没有句号的一段", "没有句号的一段")]
    public void Extract_SentenceEnd_IncludesTheMarkAndClosingQuotes(string paragraph, string expected) =>
        Assert.Equal(expected, IssueSummary.Extract([paragraph]));

    [Fact]
    public void Extract_LongSentence_CutsToTheLimitWithAnEllipsis()
    {
        var summary = IssueSummary.Extract([new string('字', 200) + "。"], 10);

        Assert.Equal(new string('字', 9) + "…", summary);
    }

    [Fact]
    public void Extract_SentenceOfExactlyTheLimit_IsNotCut() =>
        Assert.Equal("一二三四。", IssueSummary.Extract(["一二三四。五。"], 5));

    [Fact]
    public void Extract_SurrogatePairsAndCombiningMarks_CountAsOneTextElementEach()
    {
        var summary = IssueSummary.Extract(["e\u0301𠀀𠀁𠀂𠀃。"], 4);

        Assert.Equal("e\u0301𠀀𠀁…", summary);
    }

    [Fact]
    public void Extract_WhitespaceAndEmptyLeadingParagraphs_CollapsesAndSkips() =>
        Assert.Equal("6 月 11 日，发布。", IssueSummary.Extract(["  ", "6  月\u3000 11 日，发布。后文。"]));

    [Fact]
    public void Extract_NoParagraphs_ReturnsEmpty() => Assert.Equal("", IssueSummary.Extract([]));
}
