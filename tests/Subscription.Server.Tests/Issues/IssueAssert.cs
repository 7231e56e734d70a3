using Subscription.Server.Issues;

namespace Subscription.Server.Tests.Issues;

/// <summary>Deep comparison: the records hold lists, which their generated equality compares by reference.</summary>
internal static class IssueAssert
{
    public static void Equal(Issue expected, Issue actual)
    {
        Assert.Equal(expected.Number, actual.Number);
        Assert.Equal(expected.NumberInYear, actual.NumberInYear);
        Assert.Equal(expected.Date, actual.Date);
        Assert.Equal(expected.Headline, actual.Headline);
        Assert.Equal(expected.Sections, actual.Sections);
        Assert.Equal(expected.Articles.Count, actual.Articles.Count);
        foreach (var (e, a) in expected.Articles.Zip(actual.Articles))
        {
            Equal(e, a);
        }
    }

    public static void Equal(Article expected, Article actual)
    {
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Section, actual.Section);
        Assert.Equal(expected.Page, actual.Page);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Url, actual.Url);
        Assert.Equal(expected.Paragraphs, actual.Paragraphs);
        Assert.Equal(expected.Summary, actual.Summary);
    }

    public static Issue Parsed(string text)
    {
        var result = IssueTextParser.Parse(text);
        Assert.Empty(result.Errors);
        Assert.NotNull(result.Issue);
        return result.Issue;
    }

    /// <summary>Asserts the parse failed with exactly these errors (by line, in order), each message containing its fragment.</summary>
    public static void Errors(IssueParseResult result, params (int Line, string Fragment)[] expected)
    {
        Assert.Null(result.Issue);
        Assert.True(expected.Length == result.Errors.Count,
            $"Expected {expected.Length} error(s), got: {string.Join(" | ", result.Errors)}");
        foreach (var ((line, fragment), error) in expected.Zip(result.Errors))
        {
            Assert.Equal(line, error.Line);
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        }
    }
}
