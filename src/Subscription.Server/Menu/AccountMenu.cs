using System.Text.Json;
using Microsoft.Extensions.Options;
using Subscription.Server.Callback;

namespace Subscription.Server.Menu;

/// <summary>The menu in config/menu.json, loaded and validated at start-up: a bad menu stops the service.</summary>
public sealed class AccountMenu
{
    public const string Section = "Menu";

    /// <summary>Setting "Menu:Path"; relative paths start at the application's folder.</summary>
    public string Path { get; set; } = "config/menu.json";

    public MenuDefinition? Definition { get; set; }

    public string? LoadError { get; set; }
}

internal sealed class AccountMenuLoader : IConfigureOptions<AccountMenu>
{
    public void Configure(AccountMenu options)
    {
        try
        {
            using var file = File.OpenRead(System.IO.Path.Combine(AppContext.BaseDirectory, options.Path));
            options.Definition = JsonSerializer.Deserialize(file, MenuJsonContext.Default.MenuDefinition);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            options.LoadError = e.Message;
        }
    }
}

internal sealed class AccountMenuValidator(MenuCommands commands) : IValidateOptions<AccountMenu>
{
    public ValidateOptionsResult Validate(string? name, AccountMenu options)
    {
        if (options.LoadError is not null || options.Definition is null)
        {
            return ValidateOptionsResult.Fail($"{options.Path} cannot be read: {options.LoadError ?? "it is empty"}");
        }

        var errors = MenuValidator.Validate(options.Definition, commands.IsKnown);
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => $"{options.Path}: {e}"));
    }
}

public static class MenuServiceCollectionExtensions
{
    public static IServiceCollection AddAccountMenu(this IServiceCollection services)
    {
        // The loader runs after the binding, so it reads the file that Menu:Path names.
        services.AddOptions<AccountMenu>().BindConfiguration(AccountMenu.Section).ValidateOnStart();
        services.AddSingleton<IConfigureOptions<AccountMenu>, AccountMenuLoader>();
        services.AddSingleton<IValidateOptions<AccountMenu>, AccountMenuValidator>();
        return services;
    }
}
