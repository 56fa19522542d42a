using System.Text;
using Grpc.Core;
using GxProtocol.Contract;
using GxProtocol.DevLedger.Configuration;
using GxProtocol.DevLedger.Hosting;
using GxProtocol.Fabric;
using GxProtocol.Fabric.Client;
using GxProtocol.Fabric.Configuration;
using GxProtocol.Fabric.Identity;
using GxProtocol.Ledger.Tests.Support;

namespace GxProtocol.Ledger.Tests.Gateway;

/// <summary>
/// The DevLedger serving TLS and mutual TLS, driven through <see cref="FabricLedgerClient"/>'s TLS options, with
/// certificates from a CA made for each test.
/// </summary>
public sealed class TlsTests : IDisposable
{
    /// <summary>A refused handshake must surface well within this; a hang fails the test instead of stalling the run.</summary>
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(15);

    private readonly TestCertificateAuthority _authority = TestCertificateAuthority.Create("GX DevLedger test TLS CA");
    private readonly PemIdentity _signer = DevelopmentIdentity.Create("tls-test-client");

    public void Dispose() => _authority.Dispose();

    [Fact]
    public async Task A_client_trusting_the_ledger_CA_submits_and_evaluates_over_https()
    {
        await using var host = await StartAsync(mutual: false);
        Assert.Equal("https", host.Endpoint.Scheme);
        Assert.Equal("127.0.0.1", host.Endpoint.Host);
        using var client = FabricLedgerClient.Connect(ClientOptions(host, _authority.CertificatePem));

        var committed = await Await.WithTimeout(client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["tls", "over-https"]), "a submit over TLS");
        byte[] value = await Await.WithTimeout(client.EvaluateAsync("KV:Get", ["tls"]), "an evaluate over TLS");

        Assert.True(committed.BlockNumber >= 1);
        Assert.Equal("over-https", Encoding.UTF8.GetString(value));
        Assert.Equal(committed.BlockNumber, (await client.GetCommitStatusAsync(committed.TransactionId)).BlockNumber);
    }

    [Fact]
    public async Task A_client_trusting_another_CA_fails_fast_with_the_unavailable_error()
    {
        await using var host = await StartAsync(mutual: false);
        using var stranger = TestCertificateAuthority.Create("Some other CA");
        using var client = FabricLedgerClient.Connect(ClientOptions(host, stranger.CertificatePem));

        var failure = await Assert.ThrowsAsync<LedgerUnavailableException>(
            () => Await.WithTimeout(client.EvaluateAsync("KV:Get", ["tls"]), "the refused TLS handshake", FailFast));

        Assert.True(failure.IsTransient);
        var rpc = Assert.IsType<RpcException>(failure.InnerException);
        // Grpc.Net.Client reports a failed handshake as Internal; the translator files it with the other transport faults.
        Assert.Contains(rpc.StatusCode, new[] { StatusCode.Unavailable, StatusCode.Internal });
        Assert.Contains("SSL connection could not be established", failure.Message, StringComparison.Ordinal);
        Assert.IsType<System.Security.Authentication.AuthenticationException>(rpc.Status.DebugException?.InnerException);
        Assert.Equal(1UL, host.Ledger.Height);
    }

    [Fact]
    public async Task A_plaintext_client_cannot_talk_to_a_TLS_ledger()
    {
        await using var host = await StartAsync(mutual: false);
        var options = ClientOptions(host, caPem: null);
        options.Endpoint = new UriBuilder(host.Endpoint) { Scheme = "http" }.Uri.ToString();
        using var client = FabricLedgerClient.Connect(options);

        await Assert.ThrowsAsync<LedgerUnavailableException>(
            () => Await.WithTimeout(client.EvaluateAsync("KV:Get", ["tls"]), "the h2c call to a TLS port", FailFast));
    }

    [Fact]
    public async Task With_mutual_TLS_only_a_client_with_a_certificate_from_the_client_CA_gets_through()
    {
        using var clientAuthority = TestCertificateAuthority.Create("GX DevLedger test client CA");
        using var stranger = TestCertificateAuthority.Create("Some other client CA");
        await using var host = await StartAsync(mutual: true, clientAuthority.CertificatePem);

        using (var anonymous = FabricLedgerClient.Connect(ClientOptions(host, _authority.CertificatePem)))
        {
            await Assert.ThrowsAsync<LedgerUnavailableException>(
                () => Await.WithTimeout(anonymous.EvaluateAsync("KV:Get", ["mtls"]), "the call without a client certificate", FailFast));
        }
        using (var foreign = FabricLedgerClient.Connect(ClientOptions(host, _authority.CertificatePem, stranger.IssueClient("intruder"))))
        {
            await Assert.ThrowsAsync<LedgerUnavailableException>(
                () => Await.WithTimeout(foreign.EvaluateAsync("KV:Get", ["mtls"]), "the call with a certificate from another CA", FailFast));
        }

        using var member = FabricLedgerClient.Connect(ClientOptions(host, _authority.CertificatePem, clientAuthority.IssueClient("gx-silo")));
        var committed = await Await.WithTimeout(member.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["mtls", "admitted"]), "a submit over mutual TLS");
        Assert.True(committed.BlockNumber >= 1);
        Assert.Equal("admitted", Encoding.UTF8.GetString(await member.EvaluateAsync("KV:Get", ["mtls"])));
    }

    [Fact]
    public async Task TLS_material_can_be_given_as_file_paths()
    {
        string directory = Directory.CreateTempSubdirectory("gx-devledger-tls-").FullName;
        try
        {
            var server = _authority.IssueServer();
            using var clientAuthority = TestCertificateAuthority.Create("GX DevLedger test client CA");
            var tlsClient = clientAuthority.IssueClient("gx-silo");
            var files = new Dictionary<string, string>
            {
                ["server.crt"] = server.CertificatePem,
                ["server.key"] = server.PrivateKeyPem,
                ["client-ca.crt"] = clientAuthority.CertificatePem,
                ["ca.crt"] = _authority.CertificatePem,
                ["client.crt"] = tlsClient.CertificatePem,
                ["client.key"] = tlsClient.PrivateKeyPem,
            };
            foreach (var (name, pem) in files)
            {
                await File.WriteAllTextAsync(Path.Combine(directory, name), pem);
            }
            var options = LedgerOptions();
            options.Tls = new DevLedgerTlsOptions
            {
                CertificatePath = Path.Combine(directory, "server.crt"),
                PrivateKeyPath = Path.Combine(directory, "server.key"),
                ClientCaCertificatePath = Path.Combine(directory, "client-ca.crt"),
            };
            await using var host = await DevLedgerHost.StartAsync(options, CancellationToken.None, new KeyValueChaincode());
            var clientOptions = LedgerFixture.ClientOptions(host, _signer);
            clientOptions.TlsCaCertificatePath = Path.Combine(directory, "ca.crt");
            clientOptions.TlsClientCertificatePath = Path.Combine(directory, "client.crt");
            clientOptions.TlsClientKeyPath = Path.Combine(directory, "client.key");
            Assert.True(new FabricOptionsValidator().Validate(null, clientOptions).Succeeded);
            using var client = FabricLedgerClient.Connect(clientOptions);

            var committed = await Await.WithTimeout(client.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["paths", "ok"]), "a submit with TLS from files");

            Assert.True(committed.BlockNumber >= 1);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_standalone_ledger_takes_mutual_TLS_from_its_configuration_section()
    {
        var server = _authority.IssueServer();
        using var clientAuthority = TestCertificateAuthority.Create("GX DevLedger test client CA");
        await using var ledger = await StandaloneHosting.StartAsync(new Dictionary<string, string?>
        {
            ["Gx:DevLedger:DefaultRole"] = CallerRoles.SuperAdmin,
            ["Gx:DevLedger:Tls:CertificatePem"] = server.CertificatePem,
            ["Gx:DevLedger:Tls:PrivateKeyPem"] = server.PrivateKeyPem,
            ["Gx:DevLedger:Tls:ClientCaCertificatePem"] = clientAuthority.CertificatePem,
        });
        Assert.Equal("https", ledger.Endpoint.Scheme);
        var options = new FabricOptions
        {
            Endpoint = ledger.Endpoint.ToString(),
            MspId = "GxStandaloneMSP",
            CertificatePem = _signer.CertificatePem,
            PrivateKeyPem = _signer.PrivateKeyPem,
            TlsCaCertificatePem = _authority.CertificatePem,
        };
        using (var anonymous = FabricLedgerClient.Connect(options))
        {
            await Assert.ThrowsAsync<LedgerUnavailableException>(
                () => Await.WithTimeout(anonymous.EvaluateAsync("KV:Get", ["x"]), "the call without a client certificate", FailFast));
        }
        var tlsClient = clientAuthority.IssueClient("gx-silo");
        options.TlsClientCertificatePem = tlsClient.CertificatePem;
        options.TlsClientKeyPem = tlsClient.PrivateKeyPem;
        using var member = FabricLedgerClient.Connect(options);

        var committed = await Await.WithTimeout(member.SubmitAsync(Guid.NewGuid().ToString(), "KV:Put", ["standalone", "tls"]), "a submit to the standalone ledger over mutual TLS");

        Assert.True(committed.BlockNumber >= 1);
    }

    [Fact]
    public async Task A_standalone_ledger_with_bad_TLS_settings_stops_with_the_key_of_its_section()
    {
        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => StandaloneHosting.StartAsync(
            new Dictionary<string, string?> { ["Gx:DevLedger:Tls:CertificatePath"] = "/nonexistent/gx/server.crt" }));

        Assert.Contains(failure.Failures, f => f.StartsWith("Gx:DevLedger:Tls:CertificatePath cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public void TLS_option_failures_name_the_configuration_key()
    {
        var server = _authority.IssueServer();
        var other = _authority.IssueServer("other");

        Assert.Contains(Failures(new DevLedgerTlsOptions { CertificatePem = server.CertificatePem }),
            f => f.StartsWith("Gx:DevLedger:Tls:PrivateKeyPem or Gx:DevLedger:Tls:PrivateKeyPath is required", StringComparison.Ordinal));
        Assert.Contains(Failures(new DevLedgerTlsOptions { PrivateKeyPem = server.PrivateKeyPem, ClientCaCertificatePem = _authority.CertificatePem }),
            f => f.StartsWith("Gx:DevLedger:Tls:CertificatePem or Gx:DevLedger:Tls:CertificatePath is required", StringComparison.Ordinal));
        Assert.Contains(Failures(new DevLedgerTlsOptions { CertificatePem = server.CertificatePem, PrivateKeyPem = other.PrivateKeyPem }),
            f => f.StartsWith("Gx:DevLedger:Tls:CertificatePem/Gx:DevLedger:Tls:PrivateKeyPem", StringComparison.Ordinal));
        Assert.Contains(Failures(new DevLedgerTlsOptions { CertificatePem = server.CertificatePem, PrivateKeyPem = server.PrivateKeyPem, ClientCaCertificatePem = "not pem" }),
            f => f.StartsWith("Gx:DevLedger:Tls:ClientCaCertificatePem", StringComparison.Ordinal));
        Assert.Contains(Failures(new DevLedgerTlsOptions { CertificatePath = "/nonexistent/gx/server.crt", PrivateKeyPem = server.PrivateKeyPem }),
            f => f.StartsWith("Gx:DevLedger:Tls:CertificatePath cannot be read", StringComparison.Ordinal));
        Assert.Empty(Failures(new DevLedgerTlsOptions { CertificatePem = server.CertificatePem, PrivateKeyPem = server.PrivateKeyPem, ClientCaCertificatePem = _authority.CertificatePem }));
        Assert.Empty(Failures(new DevLedgerTlsOptions()));
    }

    [Fact]
    public async Task A_ledger_with_bad_TLS_settings_does_not_start()
    {
        var options = LedgerOptions();
        options.Tls = new DevLedgerTlsOptions { CertificatePem = _authority.IssueServer().CertificatePem };

        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => DevLedgerHost.StartAsync(options, CancellationToken.None, new KeyValueChaincode()));

        Assert.Contains(failure.Failures, f => f.StartsWith("Gx:DevLedger:Tls:PrivateKeyPem", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Failures(DevLedgerTlsOptions tls)
    {
        var options = new DevLedgerOptions { Tls = tls };
        return new DevLedgerOptionsValidator().Validate(null, options).Failures ?? [];
    }

    private DevLedgerOptions LedgerOptions()
    {
        var options = new DevLedgerOptions { Port = 0, BatchTimeout = TimeSpan.FromMilliseconds(20) };
        options.AddIdentity(_signer.CertificatePem, CallerRoles.SuperAdmin);
        return options;
    }

    private Task<DevLedgerHost> StartAsync(bool mutual, string? clientCaPem = null)
    {
        var server = _authority.IssueServer();
        var options = LedgerOptions();
        options.Tls = new DevLedgerTlsOptions
        {
            CertificatePem = server.CertificatePem,
            PrivateKeyPem = server.PrivateKeyPem,
            ClientCaCertificatePem = mutual ? clientCaPem : null,
        };
        return DevLedgerHost.StartAsync(options, CancellationToken.None, new KeyValueChaincode());
    }

    private FabricOptions ClientOptions(DevLedgerHost host, string? caPem, PemIdentity? tlsClient = null)
    {
        var options = LedgerFixture.ClientOptions(host, _signer);
        options.TlsCaCertificatePem = caPem;
        options.TlsClientCertificatePem = tlsClient?.CertificatePem;
        options.TlsClientKeyPem = tlsClient?.PrivateKeyPem;
        return options;
    }
}
