using GxProtocol.ApiFrontends.Infrastructure.BodySize;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Documents;

public static class DocumentServiceCollectionExtensions
{
    /// <summary>
    /// KYC documents: options (validated at start-up), the clamd scanner, signed links, and the store: PostgreSQL when
    /// <c>ConnectionStrings:Postgres</c> is set, otherwise the directory <c>Gx:Documents:Directory</c> (default: a
    /// directory under the system temp path). Registered with TryAdd so a host or test can supply its own store or scanner.
    /// </summary>
    public static IServiceCollection AddGxDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentOptions>().Bind(configuration.GetSection(DocumentOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DocumentOptions>, DocumentOptionsValidator>());
        services.AddOptions<ClamAvOptions>().Bind(configuration.GetSection(ClamAvOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClamAvOptions>, ClamAvOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IVirusScanner, ClamAvScanner>();
        services.TryAddSingleton<DocumentLinkSigner>();
        services.TryAddSingleton<DocumentIntake>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRequestBodyLimitPolicy, DocumentUploadBodyLimit>());
        var postgres = configuration.GetConnectionString("Postgres");
        services.TryAddSingleton<IDocumentStore>(provider => string.IsNullOrWhiteSpace(postgres)
            ? new DirectoryDocumentStore(provider.GetRequiredService<IOptions<DocumentOptions>>().Value.Directory
                                         ?? Path.Combine(Path.GetTempPath(), "gx-documents"))
            : new PostgresDocumentStore(postgres));
        services.AddHostedService<DocumentScanningReport>();
        return services;
    }

    /// <summary>
    /// For the embedded single-process default only: without a configured clamd, documents are stored unscanned
    /// (status UNSCANNED) instead of refused, and start-up warns about it. An explicit Enabled or Endpoint wins.
    /// </summary>
    public static IServiceCollection AddEmbeddedDocumentDefaults(this IServiceCollection services)
    {
        services.PostConfigure<ClamAvOptions>(options =>
        {
            if (options.Enabled is null && string.IsNullOrWhiteSpace(options.Endpoint))
            {
                options.Enabled = false;
            }
        });
        return services;
    }

    /// <summary>Says at start-up how uploads will be scanned, so an unscanned or refusing configuration is never a surprise.</summary>
    private sealed class DocumentScanningReport(IOptions<ClamAvOptions> options, ILogger<DocumentScanningReport> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var clamAv = options.Value;
            if (!clamAv.ScanningRequired)
            {
                logger.LogWarning("{Key}=false: KYC documents are stored WITHOUT a virus scan. Set {Endpoint} to scan them with clamd.",
                    $"{ClamAvOptions.SectionName}:{nameof(ClamAvOptions.Enabled)}", $"{ClamAvOptions.SectionName}:{nameof(ClamAvOptions.Endpoint)}");
            }
            else if (string.IsNullOrWhiteSpace(clamAv.Endpoint))
            {
                logger.LogWarning("{Endpoint} is not set: KYC document uploads answer 503 until a clamd endpoint is configured (or {Key}=false).",
                    $"{ClamAvOptions.SectionName}:{nameof(ClamAvOptions.Endpoint)}", $"{ClamAvOptions.SectionName}:{nameof(ClamAvOptions.Enabled)}");
            }
            else
            {
                logger.LogInformation("KYC document uploads are scanned by clamd at {Endpoint}", clamAv.Endpoint);
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
