namespace Subscription.Server.Subscribers;

public static class SubscribersServiceCollectionExtensions
{
    public static IServiceCollection AddSubscribers(this IServiceCollection services)
    {
        services.AddOptions<SubscriberOptions>().BindConfiguration(SubscriberOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ReaderClock>();
        services.AddSingleton<SubscriberStore>();
        services.AddHostedService<OptOutBackfill>();
        return services;
    }
}
