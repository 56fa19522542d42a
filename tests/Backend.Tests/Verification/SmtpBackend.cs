using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Verification;

/// <summary>An embedded silo process whose mail goes over SMTP to a <see cref="TestSmtpServer"/> on 127.0.0.1.</summary>
public sealed class SmtpBackend : IAsyncLifetime
{
    public TestSmtpServer Smtp { get; } = new();

    public HostProcess Silo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            Silo = await HostProcess.StartSiloAsync(Smtp.SiloSettings());
        }
        catch
        {
            await Smtp.DisposeAsync();
            throw;
        }
    }

    public HttpClient Client() => new() { BaseAddress = Silo.ApiBase, Timeout = TimeSpan.FromSeconds(60) };

    public async Task DisposeAsync()
    {
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }
        await Smtp.DisposeAsync();
    }
}
