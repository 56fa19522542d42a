using System.Net;
using System.Security.Authentication;
using GxProtocol.DevLedger.Configuration;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace GxProtocol.DevLedger.Hosting;

/// <summary>
/// The gateway's one listening socket: 127.0.0.1 only, HTTP/2 only; h2c by default, TLS when a server certificate is
/// configured, and mutual TLS when a client CA is too. A singleton so the loaded certificates live (and are disposed)
/// with the host.
/// </summary>
internal sealed class DevLedgerListener : IDisposable
{
    private readonly int _port;
    private readonly DevLedgerTlsMaterial? _tls;

    public DevLedgerListener(DevLedgerOptions options)
    {
        // The validator names the offending key; loading afterwards can then only fail on a race with the file system.
        new DevLedgerOptionsValidator().ThrowIfInvalid(options);
        _port = options.Port;
        _tls = options.Tls.Enabled ? DevLedgerTlsMaterial.Load(options.Tls) : null;
    }

    public bool UsesTls => _tls is not null;

    public void Configure(KestrelServerOptions kestrel)
    {
        kestrel.Listen(IPAddress.Loopback, _port, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (_tls is not null)
            {
                listen.UseHttps(https =>
                {
                    https.ServerCertificate = _tls.ServerCertificate;
                    // Fabric peers speak TLS 1.2 and 1.3; nothing older.
                    https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                    if (_tls.ClientCas is not null)
                    {
                        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                        // Kestrel's own errors come from the machine's trust store, which must not decide here.
                        https.ClientCertificateValidation = (certificate, _, _) => _tls.AcceptsClient(certificate);
                    }
                });
            }
        });
        // Many concurrent submitters multiplex over few connections.
        kestrel.Limits.Http2.MaxStreamsPerConnection = 1024;
    }

    public void Dispose() => _tls?.Dispose();
}
