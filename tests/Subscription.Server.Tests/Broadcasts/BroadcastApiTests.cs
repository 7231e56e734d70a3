using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Subscription.Server.Tests.Infrastructure;

namespace Subscription.Server.Tests.Broadcasts;

/// <summary>The admin API's answers to what staff may and may not do, with the state machine behind them.</summary>
[Trait("Category", "Storage")]
public sealed class BroadcastApiTests(StoreFixture store)
{
    [Theory]
    [InlineData("""{"issue":999,"channel":"template"}""", 404, "Issue 999 is not published")]
    [InlineData("""{"issue":185,"channel":"fax"}""", 400, "\"channel\" must be one of mass-all, mass-openids, template, custom")]
    [InlineData("""{"channel":"template"}""", 400, "\"issue\" must be a positive issue number")]
    [InlineData("""{"issue":185,"channel":"mass-all","sections":["地方新政"]}""", 400, "a section filter needs")]
    [InlineData("""{"issue":185,"channel":"template","sections":[]}""", 400, "\"sections\" must be null or a non-empty list")]
    [InlineData("""{"issue":185,"channel":"template","at":"next tuesday"}""", 400, "\"at\" must be an ISO 8601 time")]
    public async Task BadRequest_ClearError(string body, int status, string message)
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 2, workers: 0);

        using var response = await rig.Admin.PostAsync("/admin/api/broadcasts", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Empty(await rig.Admin.GetFromJsonAsync<JsonElement[]>("/admin/api/broadcasts") ?? []);
    }

    [Fact]
    public async Task SubscriptionAccount_ServiceOnlyChannel_Refused()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 2, workers: 0, settings: new Dictionary<string, string?> { ["WeChat:AccountType"] = "subscription" });

        using var response = await rig.Admin.PostAsJsonAsync("/admin/api/broadcasts", new { issue = 185, channel = "template" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("needs a service account", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Scheduled_CancelledBeforeItsTime_NothingSent_CannotResume()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 20, workers: 1);
        var at = DateTimeOffset.UtcNow.AddHours(3);
        var local = at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        using var created = await rig.Admin.PostAsJsonAsync("/admin/api/broadcasts", new { issue = 185, channel = "template", at = local });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var view = await rig.GetAsync(id);
        Assert.Equal("scheduled", view.GetProperty("state").GetString());
        // A time without an offset is the readers' time (Asia/Shanghai).
        Assert.Equal(at.ToUnixTimeSeconds(), view.GetProperty("scheduledAt").GetDateTimeOffset().ToUnixTimeSeconds());

        using var cancelled = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        using var resumed = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/resume", null);
        Assert.Equal(HttpStatusCode.Conflict, resumed.StatusCode);
        Assert.Contains("is cancelled", await resumed.Content.ReadAsStringAsync());
        using var again = await rig.Admin.PostAsync($"/admin/api/broadcasts/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(0, rig.WeChat.State.Deliveries.Total);
        Assert.Equal(HttpStatusCode.NotFound, (await rig.Admin.GetAsync("/admin/api/broadcasts/nope")).StatusCode);
    }

    [Fact]
    public async Task MassAll_SameIssueTwice_SecondRefused_WithTheFirstsId()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 30, workers: 1);
        var id = await rig.StartAsync("mass-all");
        var view = await rig.WaitForStateAsync(id, "completed", TimeSpan.FromSeconds(30));
        Assert.Equal(30, view.GetProperty("audience").GetInt64());
        Assert.Equal(30, view.GetProperty("sent").GetInt64());
        var job = Assert.Single(rig.WeChat.State.Mass.All());
        Assert.Equal("all", job.Audience);
        Assert.Equal("text", job.MsgType);

        using var second = await rig.Admin.PostAsJsonAsync("/admin/api/broadcasts", new { issue = 185, channel = "mass-all" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, problem.GetProperty("existingId").GetString());
        Assert.Single(rig.WeChat.State.Mass.All());
        var list = await rig.Admin.GetFromJsonAsync<JsonElement[]>("/admin/api/broadcasts");
        Assert.Equal(id, Assert.Single(list!).GetProperty("id").GetString());
    }

    [Fact]
    public async Task InvalidTemplateId_PausesWithTheReason()
    {
        var options = new WeChatEmulator.Hosting.EmulatorOptions { TemplateIds = ["some-other-template"] };
        await using var rig = await BroadcastRig.CreateAsync(store, 40, options, workers: 1);

        var id = await rig.StartAsync("template");
        var view = await rig.WaitForStateAsync(id, "paused", TimeSpan.FromSeconds(30));

        Assert.Contains("40037", view.GetProperty("reason").GetString());
        Assert.Equal(0, rig.WeChat.State.Deliveries.Total);
        Assert.Equal(0, view.GetProperty("failed").GetInt64());
    }

    [Fact]
    public async Task QuotaGoneOnEveryCall_PausesUntilMidnightBeijing()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 40, workers: 1,
            settings: new Dictionary<string, string?> { ["Broadcasts:QuotaExhaustedAfter"] = "00:00:01" });
        rig.InjectFaults(new WeChatEmulator.Faults.FaultProfile { ErrorRates = { [45009] = 1.0 } });

        var id = await rig.StartAsync("template");
        var view = await rig.WaitForStateAsync(id, "paused", TimeSpan.FromSeconds(30));

        Assert.Contains("quota exhausted (45009", view.GetProperty("reason").GetString());
        var resumeAt = view.GetProperty("resumeAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(new TimeSpan(0, 1, 0), resumeAt.TimeOfDay);
        Assert.True(resumeAt > DateTimeOffset.UtcNow && resumeAt < DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal(0, view.GetProperty("sent").GetInt64());
        Assert.Equal(0, view.GetProperty("failed").GetInt64());
    }

    [Fact]
    public async Task PublishWithBroadcast_SchedulesTheDefaultBroadcast_AtTheNextDefaultTime()
    {
        await using var rig = await BroadcastRig.CreateAsync(store, 5, workers: 0, settings: new Dictionary<string, string?>
        {
            ["Broadcasts:DefaultChannel"] = "template",
            ["Broadcasts:DefaultTime"] = "08:30",
        });
        var text = SampleIssueText.Read().Replace("总第185期", "总第186期", StringComparison.Ordinal);

        using var published = await new IssueUploads(rig.Admin).PostTextAsync(text, "?publish=true&broadcast=true");

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var id = Assert.Single(published.Headers.GetValues("X-Broadcast-Id"));
        var view = await rig.GetAsync(id);
        Assert.Equal(186, view.GetProperty("issue").GetInt32());
        Assert.Equal("template", view.GetProperty("channel").GetString());
        Assert.Equal("scheduled", view.GetProperty("state").GetString());
        var at = view.GetProperty("scheduledAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(new TimeSpan(8, 30, 0), at.TimeOfDay);
        Assert.InRange(at - DateTimeOffset.UtcNow, TimeSpan.Zero, TimeSpan.FromDays(1));

        using var correction = await new IssueUploads(rig.Admin).PostTextAsync(text, "?publish=true&correction=true&broadcast=true");
        Assert.Equal(HttpStatusCode.BadRequest, correction.StatusCode);
    }
}
