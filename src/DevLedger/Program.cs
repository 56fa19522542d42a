using GxProtocol.DevLedger.Hosting;

// Standalone DevLedger: dotnet run --project src/DevLedger -- --port 7051 [--data-dir ./ledger-data]
var builder = WebApplication.CreateSlimBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--port"] = "Gx:DevLedger:Port",
    ["--data-dir"] = "Gx:DevLedger:DataDirectory",
    ["--default-role"] = "Gx:DevLedger:DefaultRole",
});
builder.AddDevLedger();
var app = builder.Build();
app.MapDevLedgerGateway();
app.Run();
