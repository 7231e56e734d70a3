namespace Subscription.Server.Callback;

public static class CallbackServiceCollectionExtensions
{
    public static IServiceCollection AddCallback(this IServiceCollection services)
    {
        services.AddOptions<CallbackOptions>().BindConfiguration(CallbackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReplyTexts>().BindConfiguration(ReplyTexts.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CallbackAuthenticator>();
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<CallbackProcessor>();
        services.AddSingleton<MessageDispatcher>();
        services.AddSingleton<MenuCommands>();
        services.AddSingleton<TextCommands>();
        services.AddSingleton<ArchiveReplies>();
        return services;
    }
}
