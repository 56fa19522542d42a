using GxProtocol.DevLedger.Chaincode;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.Engine;
using GxProtocol.DevLedger.Grpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GxProtocol.DevLedger.Hosting;

/// <summary>Wiring of the DevLedger into an ASP.NET Core host (standalone Program and in-process host alike).</summary>
public static class DevLedgerServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Gx:DevLedger</c>, validates it at start, registers the ledger engine (with <paramref name="chaincode"/> or
    /// the GX chaincode) and gRPC, and listens on 127.0.0.1 at the configured port: h2c, or TLS when <c>Gx:DevLedger:Tls</c>
    /// names a server certificate.
    /// </summary>
    public static WebApplicationBuilder AddDevLedger(this WebApplicationBuilder builder, IChaincode? chaincode = null)
    {
        var section = builder.Configuration.GetSection(DevLedgerOptions.SectionName);
        builder.Services.AddOptions<DevLedgerOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DevLedgerOptions>>(new DevLedgerOptionsValidator(section.Path));
        builder.Services.AddSingleton(provider =>
            LedgerEngine.Open(provider.GetRequiredService<IOptions<DevLedgerOptions>>().Value, chaincode ?? new GxContractChaincode()));
        builder.Services.AddGrpc();
        builder.ListenDevLedger(provider => provider.GetRequiredService<IOptions<DevLedgerOptions>>().Value);
        builder.Services.AddHostedService<PeerAddressPublisher>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDevLedgerGateway(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<GatewayService>();
        endpoints.MapGrpcService<DeliverService>();
        return endpoints;
    }

    /// <summary>
    /// The gateway's listener from the options <paramref name="options"/> resolves; resolving validated options first means
    /// a bad TLS setting stops start-up with the validator's message naming the key.
    /// </summary>
    internal static void ListenDevLedger(this WebApplicationBuilder builder, Func<IServiceProvider, DevLedgerOptions> options)
    {
        builder.Services.AddSingleton(provider => new DevLedgerListener(options(provider)));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ApplicationServices.GetRequiredService<DevLedgerListener>().Configure(kestrel));
    }
}
