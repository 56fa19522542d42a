using System.Security.Cryptography;
using GxProtocol.Backend.Tests.Support;

namespace GxProtocol.Backend.Tests.Edge;

[CollectionDefinition(Name)]
public sealed class EdgeCollection : ICollectionFixture<EdgeFixture>
{
    public const string Name = "Regional edge";
}

/// <summary>
/// The regional edge as deployed: deploy/edge/render.sh renders the nginx config for three "nodes" (two running
/// frontend processes, each serving all seven services, and a port nobody listens on), nginx runs it on loopback with
/// a throwaway certificate, and the frontends trust X-Forwarded-* from 127.0.0.1 (nginx) only. Beside the edge the
/// test's own nginx.conf adds two servers: one that still speaks TLS 1.0/1.1 (proof that the TLS client can, so the
/// edge's refusal is the edge's) and a second "region" whose certificate expires in 10 days.
/// </summary>
public sealed class EdgeFixture : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _started = [];

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("gx-edge-").FullName;
    public HostProcess FrontendA { get; private set; } = null!;
    public HostProcess FrontendB { get; private set; } = null!;
    public int DeadNodePort { get; } = FreePorts.Next();
    public int HttpsPort { get; } = FreePorts.Next();
    public int HttpPort { get; } = FreePorts.Next();
    public int LegacyTlsPort { get; } = FreePorts.Next();
    public int ExpiringRegionPort { get; } = FreePorts.Next();
    public TestCertificate Certificate { get; private set; } = null!;
    public TestCertificate ExpiringCertificate { get; private set; } = null!;
    public NginxProcess Nginx { get; private set; } = null!;
    public string AccessLog => Path.Combine(Directory, "gx-edge.access.log");
    public Uri Edge => new($"https://127.0.0.1:{HttpsPort}");

    public async Task InitializeAsync()
    {
        try
        {
            var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var gatewayPort = FreePorts.Next();
            var silo = await HostProcess.StartSiloAsync(new Dictionary<string, string>
            {
                ["Gx:Host:GatewayPort"] = gatewayPort.ToString(),
                ["Gx:Jwt:SigningKey"] = signingKey,
            }, TimeSpan.FromSeconds(90));
            _started.Add(silo);
            var frontendSettings = new Dictionary<string, string>
            {
                ["Gx:Host:GatewayPort"] = gatewayPort.ToString(),
                ["Gx:Jwt:SigningKey"] = signingKey,
                ["Gx:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            };
            var frontends = await Task.WhenAll(
                HostProcess.StartFrontendAsync("all", frontendSettings, TimeSpan.FromSeconds(90)),
                HostProcess.StartFrontendAsync("all", frontendSettings, TimeSpan.FromSeconds(90)));
            _started.AddRange(frontends);
            (FrontendA, FrontendB) = (frontends[0], frontends[1]);

            Certificate = TestCertificate.Create(Directory, "edge", TimeSpan.FromDays(90));
            ExpiringCertificate = TestCertificate.Create(Directory, "expiring", TimeSpan.FromDays(10));
            await RenderEdgeConfigAsync();
            var config = WriteNginxConfig();
            Nginx = await NginxProcess.StartAsync(Directory, config, HttpsPort);
            _started.Add(Nginx);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_started))
        {
            await process.DisposeAsync();
        }
        _started.Clear();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>"127.0.0.1:port" of a node as it appears in the edge's access log.</summary>
    public string NodeA => $"127.0.0.1:{FrontendA.ApiPort}";
    public string NodeB => $"127.0.0.1:{FrontendB.ApiPort}";
    public string DeadNode => $"127.0.0.1:{DeadNodePort}";

    private async Task RenderEdgeConfigAsync()
    {
        var rendered = await ToolRun.RunAsync("bash", [Path.Combine(RepoPaths.Root, "deploy", "edge", "render.sh")], new Dictionary<string, string>
        {
            ["GX_EDGE_SERVER_NAME"] = "127.0.0.1",
            ["GX_EDGE_NODES"] = $"{NodeA} {NodeB} {DeadNode}",
            ["GX_EDGE_TLS_CERT"] = Certificate.CertificatePath,
            ["GX_EDGE_TLS_KEY"] = Certificate.KeyPath,
            ["GX_EDGE_HTTPS_LISTEN"] = $"127.0.0.1:{HttpsPort}",
            ["GX_EDGE_HTTP_LISTEN"] = $"127.0.0.1:{HttpPort}",
            ["GX_EDGE_LOG_DIR"] = Directory,
        });
        if (rendered.ExitCode != 0)
        {
            throw new InvalidOperationException("deploy/edge/render.sh failed:\n" + rendered.Output);
        }
        File.WriteAllText(Path.Combine(Directory, "gx-edge.conf"), rendered.Output);
    }

    private string WriteNginxConfig()
    {
        var d = Directory;
        // Workers run as "nobody" when nginx starts as root; the test's files are root's.
        var user = Environment.UserName == "root" ? "user root;" : string.Empty;
        var config = $$"""
            {{user}}
            worker_processes 1;
            pid {{d}}/nginx.pid;
            error_log {{d}}/error.log warn;
            events { worker_connections 512; }
            http {
                client_body_temp_path {{d}}/client_body;
                proxy_temp_path {{d}}/proxy;
                fastcgi_temp_path {{d}}/fastcgi;
                uwsgi_temp_path {{d}}/uwsgi;
                scgi_temp_path {{d}}/scgi;
                access_log off;

                include {{d}}/gx-edge.conf;

                server {
                    listen 127.0.0.1:{{LegacyTlsPort}} ssl;
                    ssl_certificate {{Certificate.CertificatePath}};
                    ssl_certificate_key {{Certificate.KeyPath}};
                    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;
                    ssl_ciphers DEFAULT:@SECLEVEL=0;
                    return 200 "legacy";
                }

                server {
                    listen 127.0.0.1:{{ExpiringRegionPort}} ssl;
                    ssl_certificate {{ExpiringCertificate.CertificatePath}};
                    ssl_certificate_key {{ExpiringCertificate.KeyPath}};
                    location / {
                        proxy_pass https://127.0.0.1:{{HttpsPort}};
                        proxy_ssl_verify off;
                    }
                }
            }
            """;
        var path = Path.Combine(d, "nginx.conf");
        File.WriteAllText(path, config);
        return path;
    }
}
