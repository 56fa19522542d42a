using GxProtocol.ApiFrontends.Documents;
using GxProtocol.ApiFrontends.Identity;
using GxProtocol.ApiFrontends.Infrastructure;
using GxProtocol.ApiFrontends.Services;

namespace GxProtocol.Silo.Hosting;

/// <summary>The seven REST services co-hosted in the silo process, on the API port only.</summary>
public static class CoHostedFrontendsExtensions
{
    public static WebApplicationBuilder AddGxFrontends(this WebApplicationBuilder builder, GxHostOptions host, bool embedded)
    {
        builder.Services.AddGxApiFrontends(builder.Configuration);
        if (embedded)
        {
            builder.Services.AddGeneratedJwtSigningKeyWhenMissing();
            builder.Services.AddAdminTwoFactorOptionalWhenUnset(builder.Configuration);
            builder.Services.AddEmbeddedDocumentDefaults();
        }
        builder.Services.AddSingleton(host);
        // Two optional strings: any value binds, and what is missing the seeder handles (a warning, or a generated
        // development login), so this section has no validator.
        builder.Services.AddSingleton(builder.Configuration.GetSection(BootstrapOptions.SectionName).Get<BootstrapOptions>() ?? new BootstrapOptions());
        builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<SuperAdminSeeder>(services, embedded));
        return builder;
    }

    public static WebApplication MapGxServices(this WebApplication app, IEnumerable<string> services, GxHostOptions host)
    {
        if (host.ApiPort != 0)
        {
            app.MapGroup("").RequireHost($"*:{host.ApiPort}").MapGxServices(services);
        }
        return app;
    }
}
