using System.Security.Cryptography;
using System.Text;
using GxProtocol.ApiFrontends.Infrastructure.Auth;
using GxProtocol.Grains.Interfaces.Errors;
using GxProtocol.Grains.Interfaces.Users;

namespace GxProtocol.Silo.Hosting;

/// <summary>
/// Creates the super admin once the silo runs. Its user id is derived from the e-mail address, so silos that start
/// together all claim the same id. In the embedded default without configuration, a development login is made up
/// and printed with the URLs.
/// </summary>
public sealed class SuperAdminSeeder(
    IGrainFactory grains,
    BootstrapOptions bootstrap,
    GxHostOptions host,
    bool embedded,
    ILogger<SuperAdminSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = bootstrap.SuperAdminEmail;
        var password = bootstrap.SuperAdminPassword;
        var generated = false;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            if (!embedded)
            {
                logger.LogWarning("No super admin seeded: set Gx:Bootstrap:SuperAdminEmail and Gx:Bootstrap:SuperAdminPassword");
                return;
            }
            email = "superadmin@gx.local";
            password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
            generated = true;
        }

        var userId = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(IUserDirectoryGrain.KeyFor(email))).AsSpan(0, 16));
        var owner = await grains.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.KeyFor(email)).ClaimAsync(userId);
        var user = grains.GetGrain<IUserGrain>(owner);
        if (await user.GetProfileAsync() is null)
        {
            try
            {
                await user.RegisterAsync(new RegisterUser(email, PasswordHasher.Hash(password), "Super", "Admin", null, null, "US",
                    new DateOnly(1970, 1, 1), UserRole.SuperAdmin));
            }
            catch (DomainRuleException raced) when (raced.Code == "user_exists")
            {
                // Another silo starting at the same moment seeded the same account first.
            }
        }
        else if (generated)
        {
            // Only with a persistent store: the account exists with the password it was first given.
            generated = false;
        }

        // The operator chose this address, so it needs no code to count as verified (the super admin's own KYC).
        await grains.GetGrain<GxProtocol.Grains.Interfaces.Verification.IAccountVerificationGrain>(owner).MarkEmailVerifiedAsync();

        if (embedded)
        {
            Console.WriteLine($"""

                GX Protocol backend is running (embedded default).
                  REST API    http://{host.BindAddress}:{host.ApiPort}/<service>/api/v1/...   (identity, admin, tokenomics, organization, loanpool, governance, tax)
                  Ops         http://{host.BindAddress}:{host.OpsPort}/health/ready   /metrics   /dashboard
                  Super admin {email} / {(generated ? password : "(the password configured in Gx:Bootstrap:SuperAdminPassword)")}

                """);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
