using Subscription.Server.Reader;

namespace Subscription.Server.Archive;

public static class ArchiveServiceCollectionExtensions
{
    public static IServiceCollection AddArchive(this IServiceCollection services)
    {
        services.AddSingleton<ArchiveStore>();
        services.AddSingleton<ArchiveSearch>();
        services.AddHostedService(sp => sp.GetRequiredService<ArchiveSearch>());
        services.AddHostedService<SampleArchiveSeeder>();
        services.AddSingleton<ReaderLinks>();
        return services;
    }
}
