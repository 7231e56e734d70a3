namespace Subscription.Server.Callback;

internal static class BoundedBody
{
    /// <summary>The request body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        // One byte more than the limit tells "exactly at the limit" from "over it".
        var buffer = new byte[(int)Math.Min(request.ContentLength ?? limit, limit) + 1];
        var length = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), request.HttpContext.RequestAborted)) > 0)
        {
            length += read;
            if (length > limit)
            {
                return null;
            }

            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, limit + 1));
            }
        }

        return buffer[..length];
    }
}
