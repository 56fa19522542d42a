using GxProtocol.DevLedger.Hosting;

// Standalone DevLedger: dotnet run --project src/DevLedger -- --port 7051 [--data-dir ./ledger-data]
//   [--tls-cert server.pem --tls-key server.key [--tls-client-ca clients-ca.pem]]   (TLS, mutual with a client CA)
var builder = WebApplication.CreateSlimBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--port"] = "Gx:DevLedger:Port",
    ["--data-dir"] = "Gx:DevLedger:DataDirectory",
    ["--default-role"] = "Gx:DevLedger:DefaultRole",
    ["--tls-cert"] = "Gx:DevLedger:Tls:CertificatePath",
    ["--tls-key"] = "Gx:DevLedger:Tls:PrivateKeyPath",
    ["--tls-client-ca"] = "Gx:DevLedger:Tls:ClientCaCertificatePath",
});
builder.AddDevLedger();
var app = builder.Build();
app.MapDevLedgerGateway();
app.Run();
