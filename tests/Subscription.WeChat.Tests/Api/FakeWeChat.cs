using System.Net;
using System.Text;
using Subscription.WeChat.Api;

namespace Subscription.WeChat.Tests.Api;

/// <summary>
/// Plays api.weixin.qq.com behind a real HttpClient: checks the access_token and JSON bodies as WeChat does
/// (41001, 40001, 40033, 47001, 44002) and answers each registered route with HTTP 200 JSON.
/// </summary>
internal sealed class FakeWeChat : HttpMessageHandler
{
    public const string Rid = "rid: 6650a1b2-1c2d3e4f-5a6b7c8d";

    private static readonly HashSet<string> TokenEndpoints = ["cgi-bin/token", "cgi-bin/stable_token"];

    private readonly Dictionary<string, Func<FakeRequest, HttpResponseMessage>> _routes = [];

    public string CurrentToken { get; set; } = "TOKEN-A";

    public List<FakeRequest> Requests { get; } = [];

    /// <summary>How long to think before answering, honouring cancellation like a slow server.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Answers with the JSON <paramref name="respond"/> returns; it validates by calling the Require methods.</summary>
    public FakeWeChat On(string method, string path, Func<FakeRequest, string> respond) =>
        OnRaw(method, path, request => Json(respond(request)));

    public FakeWeChat OnRaw(string method, string path, Func<FakeRequest, HttpResponseMessage> respond)
    {
        _routes[$"{method} {path}"] = respond;
        return this;
    }

    public HttpClient CreateHttpClient() => new(this, disposeHandler: false) { BaseAddress = new Uri("https://api.weixin.qq.com") };

    public (WeChatApiClient Client, FakeTokenProvider Tokens) CreateApiClient()
    {
        var tokens = new FakeTokenProvider(this);
        return (new WeChatApiClient(CreateHttpClient(), tokens), tokens);
    }

    public static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var fake = await FakeRequest.ReadAsync(request, cancellationToken);
        Requests.Add(fake);
        await Task.Delay(Latency, cancellationToken);
        if (!_routes.TryGetValue($"{fake.Method} {fake.Path}", out var route))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        try
        {
            if (!TokenEndpoints.Contains(fake.Path))
            {
                CheckToken(fake);
            }

            CheckJsonBody(fake);
            return route(fake);
        }
        catch (FakeRejection rejection)
        {
            return Json(rejection.Body);
        }
    }

    private void CheckToken(FakeRequest request)
    {
        if (!request.Query.TryGetValue("access_token", out var token) || token.Length == 0)
        {
            throw new FakeRejection(41001, "access_token missing");
        }

        if (token != CurrentToken)
        {
            throw new FakeRejection(40001, "invalid credential, access_token is invalid or not latest");
        }
    }

    private static void CheckJsonBody(FakeRequest request)
    {
        if (request.Method != "POST" || request.ContentType?.MediaType == "multipart/form-data")
        {
            return;
        }

        if (request.RawBody.Length == 0)
        {
            throw new FakeRejection(44002, "empty post data");
        }

        if (request.ContentType?.MediaType != "application/json" || request.ContentType.CharSet != "utf-8")
        {
            throw new FakeRejection(47001, $"data format error: Content-Type {request.ContentType}");
        }

        if (JsonEscapes.ContainsUnicodeEscape(request.RawBody))
        {
            throw new FakeRejection(40033, "invalid charset. please check your request, if include \\uxxxx will create fail!");
        }

        _ = request.Json;
    }
}
