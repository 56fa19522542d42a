using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace GxProtocol.Backend.Tests.Edge;

/// <summary>
/// HTTP clients that connect from a chosen loopback address (127.0.0.2, 127.0.0.3, …), so one machine can play many
/// client IPs, and that trust exactly the test's certificate.
/// </summary>
public static class EdgeClient
{
    public static HttpClient From(string sourceAddress, X509Certificate2? trusted = null)
    {
        var source = IPAddress.Parse(sourceAddress);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        if (trusted is not null)
        {
            var thumbprint = trusted.GetCertHashString();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHashString() == thumbprint;
        }
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }
}
