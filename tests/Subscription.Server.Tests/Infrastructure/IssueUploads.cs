using System.Net;
using System.Text;

namespace Subscription.Server.Tests.Infrastructure;

/// <summary>Staff's side of the issue admin API.</summary>
public sealed class IssueUploads(HttpClient admin)
{
    public Task<HttpResponseMessage> PostTextAsync(string text, string query = "") =>
        admin.PostAsync("/admin/api/issues" + query, new StringContent(text, Encoding.UTF8, "text/plain"));

    public Task<HttpResponseMessage> PostJsonAsync(string json, string query = "") =>
        admin.PostAsync("/admin/api/issues" + query, new StringContent(json, Encoding.UTF8, "application/json"));

    public async Task PublishSampleAsync()
    {
        using var response = await PostTextAsync(SampleIssueText.Read(), "?publish=true");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
