using System.Net.Http.Headers;

namespace Subscription.Benchmarks;

/// <summary>Sends <see cref="BenchRequest"/>s over one pool of keep-alive connections and judges the answers.</summary>
public sealed class Sender(HttpClient client) : IDisposable
{
    public HttpClient Client => client;

    public static Sender Create(Uri baseAddress, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        return new Sender(new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) });
    }

    /// <summary>Null when the answer is correct; otherwise a short description of what came back.</summary>
    public async Task<string?> SendAsync(BenchRequest request, CancellationToken cancel)
    {
        using var message = new HttpRequestMessage(request.Body is null ? HttpMethod.Get : HttpMethod.Post, request.Url);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body) { Headers = { ContentType = new MediaTypeHeaderValue("text/xml", "utf-8") } };
        }

        try
        {
            using var response = await client.SendAsync(message, cancel);
            var body = await response.Content.ReadAsStringAsync(cancel);
            if ((int)response.StatusCode == 200 && body.Contains(request.Expect, StringComparison.Ordinal))
            {
                return null;
            }

            var snippet = body.Length > 80 ? body[..80] + "…" : body;
            return $"{(int)response.StatusCode} {snippet.ReplaceLineEndings(" ")}";
        }
        catch (HttpRequestException e)
        {
            return $"request failed: {e.Message}";
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return $"no answer within {client.Timeout.TotalSeconds:F0} s";
        }
    }

    public void Dispose() => client.Dispose();
}
