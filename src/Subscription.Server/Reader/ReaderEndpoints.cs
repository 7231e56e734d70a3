using Subscription.Server.Archive;

namespace Subscription.Server.Reader;

/// <summary>The mobile web pages linked from menus and digests: /issues, /issues/{n}, /issues/{n}/{i}, /search.</summary>
public static class ReaderEndpoints
{
    private const int IssuesPerPage = 10;
    private const int SearchResults = 20;

    public static IEndpointRouteBuilder MapReader(this IEndpointRouteBuilder app)
    {
        app.MapGet("/issues", ListAsync);
        app.MapGet("/issues/{number:int}", IssueAsync);
        app.MapGet("/issues/{number:int}/{article:int}", ArticleAsync);
        app.MapGet("/search", SearchAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(ArchiveStore archive, int page = 1)
    {
        var pageCount = (int)Math.Max(1, (await archive.CountPublishedAsync() + IssuesPerPage - 1) / IssuesPerPage);
        if (page < 1 || page > pageCount)
        {
            return Html(ReaderPages.NotFound($"没有第 {page} 页。"), StatusCodes.Status404NotFound);
        }

        var issues = await archive.GetPublishedPageAsync((page - 1) * IssuesPerPage, IssuesPerPage);
        return Html(ReaderPages.IssueList(issues, page, pageCount));
    }

    private static async Task<IResult> IssueAsync(int number, ArchiveStore archive) =>
        await archive.GetPublishedAsync(number) is { } stored
            ? Html(ReaderPages.IssuePage(stored.Issue))
            : Html(ReaderPages.NotFound($"没有总第{number}期。"), StatusCodes.Status404NotFound);

    private static async Task<IResult> ArticleAsync(int number, int article, ArchiveStore archive)
    {
        var stored = await archive.GetPublishedAsync(number);
        return stored is not null && article >= 1 && article <= stored.Issue.Articles.Count
            ? Html(ReaderPages.ArticlePage(stored.Issue, article))
            : Html(ReaderPages.NotFound($"总第{number}期没有第 {article} 篇文章。"), StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> SearchAsync(ArchiveSearch search, string? q)
    {
        var query = q?.Trim();
        if (query is { Length: > 100 })
        {
            query = query[..100];
        }

        var hits = string.IsNullOrEmpty(query) ? [] : await search.SearchAsync(query, SearchResults);
        return Html(ReaderPages.SearchPage(query, hits));
    }

    private static IResult Html(string html, int status = StatusCodes.Status200OK) =>
        TypedResults.Text(html, "text/html; charset=utf-8", statusCode: status);
}
