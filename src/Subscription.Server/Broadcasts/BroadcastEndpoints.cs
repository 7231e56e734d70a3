using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Subscription.Server.Jobs;
using Subscription.Server.Subscribers;

namespace Subscription.Server.Broadcasts;

/// <summary>The broadcast engine's services and its admin API under /admin/api/broadcasts.</summary>
public static class BroadcastEndpoints
{
    public static IServiceCollection AddBroadcasts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BroadcastOptions>().BindConfiguration(BroadcastOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BroadcastLedger>();
        services.AddSingleton<BroadcastScheduler>();
        services.AddSingleton<BroadcastPlanner>();
        services.AddSingleton<BroadcastService>();
        services.AddSingleton<JobFinishReconciler>();
        // These hold a typed WeChat HttpClient, so they live per job, not for the life of the process.
        services.AddTransient<FollowerSender>();
        services.AddTransient<MassSender>();
        services.AddTransient<ChunkRunner>();
        services.AddTransient<BroadcastJobs>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BroadcastJsonContext.Default));
        if (JobsOptions.ConfiguredWorkers(configuration) > 0)
        {
            services.AddHostedService<BroadcastWatchdog>();
        }

        return services;
    }

    public static RouteGroupBuilder MapBroadcastAdmin(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/broadcasts");
        group.MapPost("", CreateAsync);
        group.MapGet("", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/{id}/pause", (string id, BroadcastService s, TimeProvider t) => ActAsync(() => s.PauseAsync(id), t));
        group.MapPost("/{id}/resume", (string id, BroadcastService s, TimeProvider t) => ActAsync(() => s.ResumeAsync(id), t));
        group.MapPost("/{id}/cancel", (string id, BroadcastService s, TimeProvider t) => ActAsync(() => s.CancelAsync(id), t));
        group.MapPost("/{id}/resend-failed", ResendFailedAsync);
        return admin;
    }

    private static async Task<Results<Created<BroadcastCreated>, ProblemHttpResult>> CreateAsync(
        BroadcastRequest? request, BroadcastService service, ReaderClock clock, IOptions<BroadcastOptions> options)
    {
        if (request?.Issue is not { } issue || issue <= 0)
        {
            return Problem(400, "\"issue\" must be a positive issue number.");
        }

        var channel = options.Value.Channel;
        if (request.Channel is not null && !BroadcastChannels.TryParse(request.Channel, out channel))
        {
            return Problem(400, $"\"channel\" must be one of {string.Join(", ", Enum.GetValues<BroadcastChannel>().Select(c => c.Name()))}.");
        }

        if (request.Sections is { } sections && (sections.Count == 0 || sections.Any(string.IsNullOrWhiteSpace)))
        {
            return Problem(400, "\"sections\" must be null or a non-empty list of section names.");
        }

        DateTimeOffset? at = null;
        if (request.At is { } text && !TryParseTime(text, clock, out at))
        {
            return Problem(400, $"\"at\" must be an ISO 8601 time, e.g. 2026-12-01T08:00:00+08:00; got '{text}'.");
        }

        try
        {
            var (id, warnings) = await service.CreateAsync(new BroadcastDefinition(issue, channel, request.Sections, at));
            return TypedResults.Created($"/admin/api/broadcasts/{id}", new BroadcastCreated(id, warnings));
        }
        catch (BroadcastRequestException e)
        {
            return Problem(e.Status, e.Message, e.ExistingId);
        }
    }

    private static async Task<Ok<BroadcastView[]>> ListAsync(BroadcastLedger ledger, TimeProvider time, int? skip, int? take)
    {
        var ids = await ledger.ListAsync(Math.Max(0, skip ?? 0), Math.Clamp(take ?? 20, 1, 100));
        var broadcasts = await Task.WhenAll(ids.Select(ledger.GetAsync));
        return TypedResults.Ok(broadcasts.OfType<Broadcast>().Select(b => BroadcastView.From(b, time.GetUtcNow())).ToArray());
    }

    private static async Task<Results<Ok<BroadcastView>, ProblemHttpResult>> GetAsync(string id, BroadcastLedger ledger, TimeProvider time) =>
        await ledger.GetAsync(id) is { } broadcast
            ? TypedResults.Ok(BroadcastView.From(broadcast, time.GetUtcNow()))
            : Problem(404, $"No broadcast '{id}'.");

    private static async Task<Results<Ok<BroadcastView>, ProblemHttpResult>> ActAsync(Func<Task<Broadcast>> action, TimeProvider time)
    {
        try
        {
            return TypedResults.Ok(BroadcastView.From(await action(), time.GetUtcNow()));
        }
        catch (BroadcastRequestException e)
        {
            return Problem(e.Status, e.Message, e.ExistingId);
        }
    }

    private static async Task<Results<Created<BroadcastCreated>, ProblemHttpResult>> ResendFailedAsync(string id, BroadcastService service)
    {
        try
        {
            var resend = await service.ResendFailedAsync(id);
            return TypedResults.Created($"/admin/api/broadcasts/{resend}", new BroadcastCreated(resend, []));
        }
        catch (BroadcastRequestException e)
        {
            return Problem(e.Status, e.Message, e.ExistingId);
        }
    }

    /// <summary>An ISO 8601 time; one without an offset is read in the readers' time zone (Asia/Shanghai).</summary>
    internal static bool TryParseTime(string text, ReaderClock clock, out DateTimeOffset? at)
    {
        at = null;
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");
        if (hasOffset)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
            {
                return false;
            }

            at = withOffset;
            return true;
        }

        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        at = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), clock.Zone.GetUtcOffset(local));
        return true;
    }

    private static ProblemHttpResult Problem(int status, string detail, string? existingId = null) => TypedResults.Problem(
        statusCode: status,
        title: status switch { 404 => "Not found", 409 => "Conflict", _ => "Invalid broadcast request" },
        detail: detail,
        extensions: existingId is null ? null : new Dictionary<string, object?> { ["existingId"] = existingId });
}
