using Microsoft.AspNetCore.Http.HttpResults;
using Subscription.Server.Subscribers;

namespace Subscription.Server.Admin;

public static class AdminEndpoints
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyFilter>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AdminJsonContext.Default));
        return services;
    }

    /// <summary>The API-key-protected group /admin/api; features add their own endpoints to it.</summary>
    public static RouteGroupBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/admin/api").AddEndpointFilter<ApiKeyFilter>();
        api.MapGet("/subscribers/{openId}", GetSubscriber);
        api.MapGet("/stats", GetStats);
        return api;
    }

    private static async Task<Results<Ok<SubscriberView>, ProblemHttpResult>> GetSubscriber(string openId, SubscriberStore store)
    {
        var subscriber = await store.GetAsync(openId);
        return subscriber is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No subscriber with openid '{openId}'.")
            : TypedResults.Ok(SubscriberView.From(subscriber));
    }

    private static async Task<Ok<StatsView>> GetStats(SubscriberStore store)
    {
        var stats = await store.GetStatsAsync();
        return TypedResults.Ok(new StatsView(stats.Active, stats.FollowsToday, stats.UnfollowsToday, stats.ByScene));
    }
}
