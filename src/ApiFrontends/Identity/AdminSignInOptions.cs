using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GxProtocol.ApiFrontends.Identity;

/// <summary>Bound from <c>Gx:Auth</c>: how admins and super admins sign in.</summary>
public sealed class AdminSignInOptions
{
    public const string SectionName = "Gx:Auth";
    public const string RequireKey = SectionName + ":" + nameof(RequireAdminTwoFactor);
    public const string DefaultTwoFactorIssuer = "GX Protocol";
    public const int DefaultChallengeMinutes = 5;

    /// <summary>
    /// When true an admin who has not set up TOTP is made to enrol at their next login before they get a session.
    /// An enrolled admin always needs the second factor, whatever this says. The embedded default turns it off
    /// unless configured (a throwaway single-process cluster with a generated password); every other host keeps it on.
    /// </summary>
    public bool RequireAdminTwoFactor { get; set; } = true;

    /// <summary>The issuer an authenticator app shows beside the account (the otpauth URI's <c>issuer</c>).</summary>
    public string TwoFactorIssuer { get; set; } = DefaultTwoFactorIssuer;

    /// <summary>How long the challenge token between password and code stays valid.</summary>
    public int ChallengeMinutes { get; set; } = DefaultChallengeMinutes;
}

public static class AdminSignInServiceExtensions
{
    public static IServiceCollection AddGxAdminSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminSignInOptions>()
            .Bind(configuration.GetSection(AdminSignInOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdminSignInOptions>, AdminSignInOptionsValidator>());
        services.AddSingleton<TwoFactorChallenges>();
        return services;
    }

    /// <summary>For the embedded single-process default only: admins need not enrol unless <c>Gx:Auth:RequireAdminTwoFactor</c> says so.</summary>
    public static IServiceCollection AddAdminTwoFactorOptionalWhenUnset(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[AdminSignInOptions.RequireKey] is null)
        {
            services.PostConfigure<AdminSignInOptions>(options => options.RequireAdminTwoFactor = false);
        }
        return services;
    }
}
