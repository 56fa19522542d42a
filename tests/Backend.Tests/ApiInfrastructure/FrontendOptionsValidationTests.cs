using GxProtocol.ApiFrontends.Identity;
using GxProtocol.Backend.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace GxProtocol.Backend.Tests.ApiInfrastructure;

/// <summary>The frontends' options classes whose checks had no test: a bad value stops start-up naming its full key, and only it.</summary>
public sealed class FrontendOptionsValidationTests
{
    [Theory]
    [InlineData("Gx:Http:MaxRequestBodyBytes", "100")]
    [InlineData("Gx:Http:MaxRequestBodyBytes", "209715200")]
    [InlineData("Gx:Auth:ChallengeMinutes", "0")]
    [InlineData("Gx:Auth:ChallengeMinutes", "60")]
    [InlineData("Gx:Auth:TwoFactorIssuer", "GX:Protocol")]
    [InlineData("Gx:Auth:TwoFactorIssuer", " ")]
    public async Task A_bad_frontend_setting_stops_start_up_naming_its_key(string key, string value)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApi.StartAsync(_ => { }, settings,
            services => services.AddGxAdminSignIn(configuration)));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith(key + " ", failure, StringComparison.Ordinal);
    }
}
