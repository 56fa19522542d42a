using System.Net;
using GxProtocol.DevLedger.Chaincode;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.Engine;
using GxProtocol.DevLedger.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace GxProtocol.DevLedger.Hosting;

/// <summary>Wiring of the DevLedger into an ASP.NET Core host (standalone Program and in-process host alike).</summary>
public static class DevLedgerServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Gx:DevLedger</c>, validates it at start, registers the ledger engine (with <paramref name="chaincode"/> or
    /// the GX chaincode) and gRPC, and listens with h2c on 127.0.0.1 at the configured port.
    /// </summary>
    public static WebApplicationBuilder AddDevLedger(this WebApplicationBuilder builder, IChaincode? chaincode = null)
    {
        var section = builder.Configuration.GetSection(DevLedgerOptions.SectionName);
        builder.Services.AddOptions<DevLedgerOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DevLedgerOptions>>(new DevLedgerOptionsValidator(section.Path));
        builder.Services.AddSingleton(provider =>
            LedgerEngine.Open(provider.GetRequiredService<IOptions<DevLedgerOptions>>().Value, chaincode ?? new GxContractChaincode()));
        builder.Services.AddGrpc();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = context.Configuration.GetSection(DevLedgerOptions.SectionName).Get<DevLedgerOptions>() ?? new DevLedgerOptions();
            kestrel.ListenDevLedger(options.Port);
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapDevLedgerGateway(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<GatewayService>();
        return endpoints;
    }

    /// <summary>Plain HTTP/2 (h2c) on loopback only: the DevLedger has no TLS and must not be reachable from outside.</summary>
    internal static void ListenDevLedger(this KestrelServerOptions kestrel, int port)
    {
        kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2);
        // Many concurrent submitters multiplex over few connections.
        kestrel.Limits.Http2.MaxStreamsPerConnection = 1024;
    }
}
