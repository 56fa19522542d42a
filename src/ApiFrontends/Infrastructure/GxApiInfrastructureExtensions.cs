using GxProtocol.ApiFrontends.Infrastructure.Audit;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.ApiFrontends.Infrastructure.BodySize;
using GxProtocol.ApiFrontends.Infrastructure.Idempotency;
using GxProtocol.ApiFrontends.Infrastructure.Json;
using GxProtocol.ApiFrontends.Infrastructure.Metrics;
using GxProtocol.ApiFrontends.Infrastructure.Problems;
using GxProtocol.ApiFrontends.Infrastructure.Proxy;
using GxProtocol.ApiFrontends.Infrastructure.RateLimiting;
using GxProtocol.ApiFrontends.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Prometheus;

namespace GxProtocol.ApiFrontends.Infrastructure;

public static class GxApiInfrastructureExtensions
{
    /// <summary>
    /// Registers the cross-cutting parts every frontend route relies on: strict JSON, problem details, JWT auth and
    /// policies, rate limiting, request size limit, HTTP metrics, token issuing. Options are validated at start-up.
    /// The host still registers an <see cref="IGrainFactory"/> (Orleans client or co-hosted silo) for idempotency.
    /// </summary>
    public static IServiceCollection AddGxApiInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.ConfigureHttpJsonOptions(options => GxJson.Configure(options.SerializerOptions));
        // Binding failures must reach GxExceptionHandler as exceptions; by default they are only logged outside
        // Development and answered with an empty 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd(GxProblems.CodeKey, ProblemCodes.ForStatus(status));
        });
        services.AddExceptionHandler<GxExceptionHandler>();

        services.AddOptions<RequestBodyLimitOptions>()
            .Bind(configuration.GetSection(RequestBodyLimitOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RequestBodyLimitOptions>, RequestBodyLimitOptionsValidator>());

        AddAuth(services, configuration);
        AddRateLimiting(services, configuration);
        AddTrustedProxies(services, configuration);

        services.TryAddSingleton(_ => new GxHttpMetrics(Prometheus.Metrics.DefaultRegistry));
        return services;
    }

    /// <summary>
    /// For the embedded single-process default only: fills <c>Gx:Jwt:SigningKey</c> with a random key when none is
    /// configured. Call after <see cref="AddGxApiInfrastructure"/>; never in multi-process deployments.
    /// </summary>
    public static IServiceCollection AddGeneratedJwtSigningKeyWhenMissing(this IServiceCollection services)
    {
        var generated = new Lazy<string>(JwtOptions.GenerateDevelopmentKey);
        services.PostConfigure<JwtOptions>(options =>
        {
            if (string.IsNullOrWhiteSpace(options.SigningKey))
            {
                options.SigningKey = generated.Value;
            }
        });
        return services;
    }

    /// <summary>
    /// The middleware pipeline, in order: forwarded headers (only from configured proxies), metrics, security headers, exception handler, status-code problems, body
    /// limit, routing, audit of administrative routes, authentication, rate limiting, authorization, idempotency buffering. It calls UseRouting itself
    /// (so the limiter and idempotency see the endpoint); call it before mapping endpoints and do not call
    /// UseRouting/UseAuthentication/UseAuthorization again.
    /// </summary>
    public static IApplicationBuilder UseGxApiInfrastructure(this IApplicationBuilder app)
    {
        // First, so the rate limiter, logs and HSTS see the client behind the proxy, not the proxy.
        if (app.ApplicationServices.GetRequiredService<IOptions<TrustedProxyOptions>>().Value.TrustsAnyProxy)
        {
            app.UseForwardedHeaders();
        }
        app.UseMiddleware<HttpMetricsMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseRouting();
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyBufferingMiddleware>();
        return app;
    }

    private static void AddAuth(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JwtOptions>()
            .Bind(configuration.GetSection(JwtOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>());
        services.TryAddSingleton<AccessTokenIssuer>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<JwtBearerOptions>, GxJwtBearerSetup>());

        services.AddAuthorizationBuilder()
            .AddPolicy(GxPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(GxRoles.Admin, GxRoles.SuperAdmin))
            .AddPolicy(GxPolicies.SuperAdmin, policy => policy.RequireAuthenticatedUser().RequireRole(GxRoles.SuperAdmin));
    }

    private static void AddTrustedProxies(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TrustedProxyOptions>()
            .Bind(configuration.GetSection(TrustedProxyOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrustedProxyOptions>, TrustedProxyOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ForwardedHeadersOptions>, TrustedProxySetup>());
    }

    private static void AddRateLimiting(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitingOptions>()
            .Bind(configuration.GetSection(RateLimitingOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitingOptions>, RateLimitingOptionsValidator>());
        services.AddRateLimiter(_ => { });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<RateLimiterOptions>, GxRateLimiterSetup>());
    }
}
