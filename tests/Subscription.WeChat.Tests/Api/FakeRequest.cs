using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Subscription.WeChat.Tests.Api;

/// <summary>A request as the fake received it, with checks that reject it the way WeChat would (47001).</summary>
internal sealed class FakeRequest
{
    private JsonObject? _json;

    public required string Method { get; init; }

    /// <summary>Without the leading slash, e.g. <c>cgi-bin/menu/create</c>.</summary>
    public required string Path { get; init; }

    public required IReadOnlyDictionary<string, string> Query { get; init; }

    public MediaTypeHeaderValue? ContentType { get; init; }

    public byte[] RawBody { get; init; } = [];

    public string RawText => Encoding.UTF8.GetString(RawBody);

    public JsonObject Json => _json ??= JsonNode.Parse(RawBody) as JsonObject ?? throw new FakeRejection(47001, "data format error");

    public static async Task<FakeRequest> ReadAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var query = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(pair.ElementAtOrDefault(1) ?? ""));
        return new FakeRequest
        {
            Method = request.Method.Method,
            Path = uri.AbsolutePath.TrimStart('/'),
            Query = query,
            ContentType = request.Content?.Headers.ContentType,
            RawBody = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken),
        };
    }

    public string RequireQuery(string name) =>
        Query.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new FakeRejection(47001, $"data format error hint: [{name}]");

    public string RequireString(string path) => Require(path, JsonValueKind.String).GetValue<string>();

    public long RequireNumber(string path) => Require(path, JsonValueKind.Number).GetValue<long>();

    public bool RequireBool(string path)
    {
        var node = Find(path);
        return node?.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? node.GetValue<bool>()
            : throw new FakeRejection(47001, $"data format error hint: [{path}] must be a boolean");
    }

    /// <summary>A 0/1 flag as WeChat expects it: a number.</summary>
    public int RequireFlag(string path) => RequireNumber(path) is var flag and (0 or 1)
        ? (int)flag
        : throw new FakeRejection(47001, $"data format error hint: [{path}] must be 0 or 1");

    public JsonObject RequireObject(string path) => Require(path, JsonValueKind.Object).AsObject();

    public JsonArray RequireArray(string path) => Require(path, JsonValueKind.Array).AsArray();

    public IReadOnlyList<string> RequireStrings(string path) => RequireArray(path)
        .Select(item => item?.GetValueKind() == JsonValueKind.String
            ? item.GetValue<string>()
            : throw new FakeRejection(47001, $"data format error hint: [{path}] must hold strings"))
        .ToList();

    public void RequireAbsent(string path)
    {
        if (Find(path) is not null)
        {
            throw new FakeRejection(47001, $"data format error hint: [{path}] not expected");
        }
    }

    public MultipartFile RequireFile() => MultipartFile.Parse(ContentType, RawBody);

    private JsonNode Require(string path, JsonValueKind kind)
    {
        var node = Find(path) ?? throw new FakeRejection(47001, $"data format error hint: [{path}] missing");
        return node.GetValueKind() == kind ? node : throw new FakeRejection(47001, $"data format error hint: [{path}] must be {kind}");
    }

    /// <summary>Dotted path; a numeric segment indexes an array (<c>news.articles.0.title</c>).</summary>
    private JsonNode? Find(string path)
    {
        JsonNode? node = Json;
        foreach (var segment in path.Split('.'))
        {
            node = node switch
            {
                JsonObject obj => obj[segment],
                JsonArray array when int.TryParse(segment, out var index) && index < array.Count => array[index],
                _ => null,
            };
        }

        return node;
    }
}
