namespace Subscription.Server.Issues;

/// <summary>An uploaded issue as read, every field optional, so that validation can name what is missing.</summary>
internal sealed class IssueDocument
{
    public int? Number { get; init; }
    public int? NumberInYear { get; init; }
    public string? Date { get; init; }
    public string? Headline { get; init; }
    public List<string?>? Sections { get; init; }
    public List<ArticleDocument?>? Articles { get; init; }
}

internal sealed class ArticleDocument
{
    public string? Section { get; init; }
    public int? Page { get; init; }
    public string? Title { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public List<string?>? Paragraphs { get; init; }
    public string? Summary { get; init; }
}
