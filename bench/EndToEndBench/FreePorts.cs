using System.Net;
using System.Net.Sockets;

namespace GxProtocol.EndToEndBench;

/// <summary>Loopback ports nobody listens on now; handed out once per run so two children never get the same one.</summary>
public static class FreePorts
{
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            for (int attempt = 0; attempt < 100; attempt++)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                int port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                if (Given.Add(port))
                {
                    return port;
                }
            }
        }
        throw new InvalidOperationException("No free loopback port found");
    }
}
