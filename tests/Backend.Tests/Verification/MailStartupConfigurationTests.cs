using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Verification;

/// <summary>A bad mail or code setting stops the silo before it serves anything, naming the key.</summary>
[Trait("Category", "Slow")]
[Trait("Category", "Process")]
public sealed class MailStartupConfigurationTests
{
    [Theory]
    [InlineData("Gx:Mail:From", "not an address", "Gx:Mail:From")]
    [InlineData("Gx:Mail:Templates:EmailVerification:Body", "a body without the code", "Gx:Mail:Templates:EmailVerification:Body")]
    [InlineData("Gx:Verification:MaxAttempts", "0", "Gx:Verification:MaxAttempts")]
    [InlineData("Gx:Verification:CodeLifetime", "00:00:10", "Gx:Verification:CodeLifetime")]
    public async Task A_bad_mail_or_code_setting_stops_start_up_naming_the_key(string key, string value, string named)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            HostProcess.StartSiloAsync(new Dictionary<string, string> { [key] = value }, TimeSpan.FromSeconds(90)));
        Assert.Contains("exited with code 2", failure.Message);
        Assert.Contains("Configuration error:", failure.Message);
        Assert.Contains(named, failure.Message);
    }

    [Fact]
    public async Task An_SMTP_port_out_of_range_stops_start_up_naming_the_key()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => HostProcess.StartSiloAsync(
            new Dictionary<string, string> { ["Gx:Mail:Smtp:Host"] = "127.0.0.1", ["Gx:Mail:Smtp:Port"] = "70000" }, TimeSpan.FromSeconds(90)));
        Assert.Contains("exited with code 2", failure.Message);
        Assert.Contains("Gx:Mail:Smtp:Port", failure.Message);
    }
}
