using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Archive;

[Trait("Category", "Storage")]
public sealed class IssueAdminTests(StoreFixture store) : IAsyncLifetime
{
    private readonly ServerFactory _server = new(store);
    private IssueUploads _uploads = null!;
    private HttpClient _admin = null!;

    public ValueTask InitializeAsync()
    {
        _admin = _server.CreateAdminClient();
        _uploads = new IssueUploads(_admin);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task PostText_DryRun_ReturnsTheParsedIssueAndStoresNothing()
    {
        using var response = await _uploads.PostTextAsync(SampleIssueText.Read(), "?dryRun=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var issue = await JsonAsync(response);
        Assert.Equal(185, issue.GetProperty("number").GetInt32());
        Assert.Equal(22, issue.GetProperty("numberInYear").GetInt32());
        Assert.Equal("2024-06-17", issue.GetProperty("date").GetString());
        Assert.Equal(15, issue.GetProperty("articles").GetArrayLength());
        Assert.Equal(["国策要论", "地方新政", "产业前沿", "数谷动态"], issue.GetProperty("sections").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/admin/api/issues/185")).StatusCode);
    }

    [Fact]
    public async Task PostText_Draft_StoredButNotPublished()
    {
        using var response = await _uploads.PostTextAsync(SampleIssueText.Read());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/admin/api/issues/185", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/admin/api/issues/185")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.CreateClient().GetAsync("/issues/185")).StatusCode);
    }

    [Fact]
    public async Task PostText_PublishTwice_SecondRefusedWithTheHeaderLine()
    {
        await _uploads.PublishSampleAsync();

        using var again = await _uploads.PostTextAsync(SampleIssueText.Read(), "?publish=true");

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var error = (await JsonAsync(again)).GetProperty("errors")[0];
        var headerLine = Array.FindIndex(SampleIssueText.Read().Split('\n'), l => l.Contains("总第185期", StringComparison.Ordinal)) + 1;
        Assert.Equal(headerLine, error.GetProperty("line").GetInt32());
        Assert.Contains("already published", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task PostJson_Correction_NewVersionReplacesWhatReadersSee()
    {
        await _uploads.PublishSampleAsync();
        var json = await _admin.GetStringAsync("/admin/api/issues/185");
        var corrected = json.Replace("商务部等9部门发布关于拓展跨境电商出口推进海外仓建设的意见", "商务部等9部门发布意见（更正）", StringComparison.Ordinal);

        using var refused = await _uploads.PostJsonAsync(corrected, "?publish=true");
        using var accepted = await _uploads.PostJsonAsync(corrected, "?publish=true&correction=true");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Contains("（更正）", await _server.CreateClient().GetStringAsync("/issues/185"));
    }

    [Fact]
    public async Task PostText_NoIssueNumber_ErrorsWithLines()
    {
        var broken = SampleIssueText.Read().Replace("总第185期", "", StringComparison.Ordinal);

        using var response = await _uploads.PostTextAsync(broken, "?publish=true");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.NotEqual(0, errors.GetArrayLength());
        Assert.All(errors.EnumerateArray(), e => Assert.True(e.TryGetProperty("line", out _) && e.TryGetProperty("message", out _)));
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/admin/api/issues/185")).StatusCode);
    }

    [Fact]
    public async Task PostJson_Malformed_ErrorWithItsLine()
    {
        using var response = await _uploads.PostJsonAsync("{\n  \"number\": 185,\n  \"date\": ,\n}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, (await JsonAsync(response)).GetProperty("errors")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Post_OtherContentType_UnsupportedMediaType()
    {
        using var response = await _admin.PostAsync("/admin/api/issues", new ByteArrayContent([1, 2, 3]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithoutApiKey_Unauthorized()
    {
        using var response = await new IssueUploads(_server.CreateClient()).PostTextAsync(SampleIssueText.Read(), "?publish=true");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/admin/api/issues/185")).StatusCode);
    }
}
