using System.Diagnostics.CodeAnalysis;

namespace Subscription.Server.Issues;

/// <summary>Either a parsed issue (and no errors) or the errors that kept it from parsing (and no issue).</summary>
public sealed record IssueParseResult(Issue? Issue, IReadOnlyList<IssueError> Errors)
{
    [MemberNotNullWhen(true, nameof(Issue))]
    public bool Succeeded => Issue is not null;

    public static IssueParseResult Success(Issue issue) => new(issue, []);

    /// <summary>The errors ordered by line; at least one is required.</summary>
    public static IssueParseResult Failure(IEnumerable<IssueError> errors)
    {
        var ordered = errors.OrderBy(e => e.Line).ToArray();
        if (ordered.Length == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new(null, ordered);
    }
}
