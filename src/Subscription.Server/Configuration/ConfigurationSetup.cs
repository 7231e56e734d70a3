using Microsoft.Extensions.Configuration.Memory;

namespace Subscription.Server.Configuration;

public static class ConfigurationSetup
{
    // Public, well-known values: they let a fresh clone run in Development and must never reach production.
    private static readonly Dictionary<string, string> DevelopmentValues = new()
    {
        ["WeChat:AppId"] = "wx0000000000000dev",
        ["WeChat:AppSecret"] = "development-app-secret-not-secret",
        ["WeChat:Token"] = "developmenttoken",
        ["WeChat:EncodingAesKey"] = "DevelopmentEncodingAesKeyNotASecret00000000",
        ["Admin:ApiKey"] = "development-admin-key",
    };

    /// <summary>
    /// Loads config/appsettings*.json beneath every other source (so environment variables, user secrets and
    /// the command line override them) and, in Development only, fills in missing secrets with marked values.
    /// </summary>
    public static void AddSharedConfiguration(this WebApplicationBuilder builder)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "config");
        var shared = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(folder, "appsettings.json"), optional: false)
            .AddJsonFile(Path.Combine(folder, $"appsettings.{builder.Environment.EnvironmentName}.json"), optional: true);
        var index = 0;
        foreach (var source in shared.Sources)
        {
            builder.Configuration.Sources.Insert(index++, source);
        }

        if (builder.Environment.IsDevelopment())
        {
            UseDevelopmentValues(builder.Configuration);
        }
    }

    private static void UseDevelopmentValues(ConfigurationManager configuration)
    {
        var missing = DevelopmentValues.Where(kv => string.IsNullOrWhiteSpace(configuration[kv.Key])).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        configuration.Sources.Add(new MemoryConfigurationSource { InitialData = missing! });
        // Printed, not logged: these are public development values, and logs never carry secrets.
        Console.WriteLine("DEVELOPMENT VALUES IN USE (public, not secrets; set real ones before going live):");
        foreach (var (key, value) in missing)
        {
            Console.WriteLine($"  {key} = {value}");
        }
    }
}
