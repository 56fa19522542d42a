using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GxProtocol.Grains.PaymentRequests;

/// <summary>QR payment requests: the payload signing key (validated at start-up) and its signer.</summary>
public static class PaymentRequestSiloBuilderExtensions
{
    private const string JwtSigningKey = "Gx:Jwt:SigningKey";

    /// <summary>One generated key per process, so that the silos of an in-process test cluster verify each other's payloads.</summary>
    private static readonly Lazy<string> ProcessKey = new(PaymentRequestOptions.GenerateDevelopmentKey);

    /// <summary>
    /// Binds <c>Gx:PaymentRequests</c>. Without a key of its own, a configured <c>Gx:Jwt:SigningKey</c> gives one by
    /// derivation (a PostgreSQL deployment shares that key already); with no configuration at all (in-process test
    /// clusters) a random key is used.
    /// </summary>
    public static ISiloBuilder AddGxPaymentRequests(this ISiloBuilder silo, IConfiguration? configuration)
    {
        var options = silo.Services.AddOptions<PaymentRequestOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(PaymentRequestOptions.SectionName));
            var jwtKey = configuration[JwtSigningKey];
            options.PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.SigningKey) && !string.IsNullOrWhiteSpace(jwtKey))
                {
                    o.SigningKey = PaymentRequestOptions.DeriveFromJwtKey(jwtKey);
                }
            });
        }
        else
        {
            silo.Services.AddGeneratedPaymentRequestSigningKeyWhenMissing();
        }
        options.ValidateOnStart();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PaymentRequestOptions>, PaymentRequestOptionsValidator>());
        silo.Services.TryAddSingleton<PaymentRequestSigner>();
        return silo;
    }

    /// <summary>
    /// For the embedded single-process default only: a random signing key when none is configured or derivable.
    /// QR payloads then stop verifying when the process restarts, which is acceptable for development; all silos of
    /// one process share the key.
    /// </summary>
    public static IServiceCollection AddGeneratedPaymentRequestSigningKeyWhenMissing(this IServiceCollection services)
    {
        services.PostConfigure<PaymentRequestOptions>(o =>
        {
            if (string.IsNullOrWhiteSpace(o.SigningKey))
            {
                o.SigningKey = ProcessKey.Value;
            }
        });
        return services;
    }
}
