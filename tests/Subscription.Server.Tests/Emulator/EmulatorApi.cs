using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Subscription.WeChatEmulator.Hosting;

namespace Subscription.Server.Tests.Emulator;

/// <summary>A bare WeChat API caller for the emulator's self-tests: real HTTP, JSON in, JsonElement out.</summary>
public sealed class EmulatorApi(EmulatorHost host) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public HttpClient Http { get; } = host.CreateClient();

    public EmulatorState State => host.State;

    public string AppId => State.Options.AppId;

    public string Secret => State.Options.AppSecret;

    public async Task<string> TokenAsync()
    {
        var body = await GetAsync($"/cgi-bin/token?grant_type=client_credential&appid={AppId}&secret={Secret}");
        return body.GetProperty("access_token").GetString()!;
    }

    public async Task<JsonElement> StableTokenAsync(bool forceRefresh = false) =>
        await PostRawAsync("/cgi-bin/stable_token", Serialize(new { grant_type = "client_credential", appid = AppId, secret = Secret, force_refresh = forceRefresh }));

    public async Task<JsonElement> GetAsync(string pathAndQuery)
    {
        using var response = await Http.GetAsync(pathAndQuery);
        return await ReadAsync(response);
    }

    /// <summary>POSTs <paramref name="body"/> as JSON to a /cgi-bin path with the given token appended.</summary>
    public Task<JsonElement> PostAsync(string path, string token, object body) =>
        PostRawAsync($"{path}?access_token={token}", Serialize(body));

    public async Task<JsonElement> PostRawAsync(string pathAndQuery, string json)
    {
        using var response = await Http.PostAsync(pathAndQuery, new StringContent(json, Encoding.UTF8, "application/json"));
        return await ReadAsync(response);
    }

    public async Task<JsonElement> AdminAsync(string path, object? body = null)
    {
        using var response = await Http.PostAsync($"/_emulator/{path}", new StringContent(Serialize(body ?? new { }), Encoding.UTF8, "application/json"));
        return await ReadAsync(response);
    }

    public async Task<JsonElement> UploadAsync(string pathAndQuery, string fileName, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "media", fileName);
        using var response = await Http.PostAsync(pathAndQuery, form);
        return await ReadAsync(response);
    }

    public static string Serialize(object body) => JsonSerializer.Serialize(body, Json);

    public static int Errcode(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("errcode", out var code) ? code.GetInt32() : 0;

    public void Dispose() => Http.Dispose();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
