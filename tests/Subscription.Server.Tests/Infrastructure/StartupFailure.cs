using Microsoft.AspNetCore.Mvc.Testing;

namespace Subscription.Server.Tests.Infrastructure;

/// <summary>The error a server fails to start with.</summary>
public static class StartupFailure
{
    private const int Attempts = 5;

    /// <summary>
    /// Starts a server made by <paramref name="create"/> and returns what its start threw. WebApplicationFactory races
    /// the app's own thread here: when the app fails and disposes its host before the factory reads the host's
    /// services, the factory throws ObjectDisposedException in place of the app's error. Such an attempt says nothing
    /// about the app, so it is made again with a new factory.
    /// </summary>
    public static async Task<Exception> OfAsync(Func<WebApplicationFactory<Program>> create)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var server = create();
            var error = Assert.ThrowsAny<Exception>(() => server.CreateClient());
            if (error is not ObjectDisposedException || attempt == Attempts)
            {
                return error;
            }
        }
    }
}
