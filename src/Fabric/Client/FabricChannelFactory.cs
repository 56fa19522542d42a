using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using GxProtocol.Fabric.Configuration;

namespace GxProtocol.Fabric.Client;

/// <summary>
/// The HTTP/2 channel to the gateway: h2c for http:// (the DevLedger on loopback), TLS with an optional private CA
/// and an optional client certificate (mutual TLS) for https://.
/// </summary>
internal static class FabricChannelFactory
{
    public static GrpcChannel Create(FabricOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // Many concurrent submitters would otherwise queue behind one connection's stream limit.
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };

        string? caPem = FabricOptions.Resolve(options.TlsCaCertificatePem, options.TlsCaCertificatePath);
        if (caPem is not null)
        {
            var trustAnchors = new X509Certificate2Collection();
            trustAnchors.ImportFromPem(caPem);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                certificate is not null && ChainsTo(trustAnchors, new X509Certificate2(certificate), errors);
        }

        string? clientCertificatePem = FabricOptions.Resolve(options.TlsClientCertificatePem, options.TlsClientCertificatePath);
        string? clientKeyPem = FabricOptions.Resolve(options.TlsClientKeyPem, options.TlsClientKeyPath);
        if (clientCertificatePem is not null && clientKeyPem is not null)
        {
            handler.SslOptions.ClientCertificates = [X509Certificate2.CreateFromPem(clientCertificatePem, clientKeyPem)];
        }

        return GrpcChannel.ForAddress(options.Endpoint, new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
    }

    private static bool ChainsTo(X509Certificate2Collection trustAnchors, X509Certificate2 serverCertificate, SslPolicyErrors errors)
    {
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustAnchors);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(serverCertificate);
    }
}
