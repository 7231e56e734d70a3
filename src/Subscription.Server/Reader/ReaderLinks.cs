using Microsoft.Extensions.Options;
using Subscription.Server.Digests;

namespace Subscription.Server.Reader;

/// <summary>Absolute links to the reader pages, for replies that leave the chat.</summary>
public sealed class ReaderLinks(IOptions<DigestOptions> options)
{
    private readonly string _base = options.Value.PublicBaseUrl.AbsoluteUri.TrimEnd('/');

    public string Archive => _base + "/issues";

    public string Issue(int number) => $"{_base}/issues/{number}";

    public string Article(int number, int index) => $"{_base}/issues/{number}/{index}";
}
