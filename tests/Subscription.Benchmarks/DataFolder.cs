namespace Subscription.Benchmarks;

public static class DataFolder
{
    /// <summary>Deletes the server's data folder, retrying briefly; warns instead of failing the run.</summary>
    public static async Task DeleteAsync(string path)
    {
        for (var attempt = 1; Directory.Exists(path); attempt++)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                // A file may still be held for a moment after the server is killed.
                await Task.Delay(200);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"warning: could not delete {path}: {e.Message}");
                return;
            }
        }
    }
}
