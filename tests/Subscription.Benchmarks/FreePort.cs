using System.Net;
using System.Net.Sockets;

namespace Subscription.Benchmarks;

public static class FreePort
{
    /// <summary>A loopback port the system just handed out; free unless another process grabs it first.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
