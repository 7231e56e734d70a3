using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Subscription.Server.Admin;

/// <summary>Admits a request only with the right X-Api-Key, compared in fixed time.</summary>
internal sealed class ApiKeyFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    public const string Header = "X-Api-Key";

    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.ApiKey));

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[Header].ToString();
        // Hashing both sides first makes the comparison fixed-time whatever the lengths.
        var ok = presented.Length > 0 &&
                 CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expected);
        return ok
            ? next(context)
            : ValueTask.FromResult<object?>(TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: $"A valid {Header} header is required."));
    }
}
