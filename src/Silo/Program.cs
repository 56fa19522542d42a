using GxProtocol.ApiFrontends.Hosting;
using GxProtocol.ApiFrontends.Infrastructure;
using GxProtocol.ApiFrontends.Services;
using GxProtocol.Silo.Hosting;
using GxProtocol.Silo.Postgres;

// One silo process. With no configuration: the embedded default (memory storage, in-process DevLedger, all seven
// REST services). With ConnectionStrings:Postgres: a member of a PostgreSQL-clustered silo cluster.
return await StartupErrors.ReportAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddGxConsoleLogging();
    builder.AddGxSiloTracing();
    var postgres = GxPostgresConfiguration.GetConnectionString(builder.Configuration);
    if (await builder.RunMigrateCommandAsync(args, postgres))
    {
        return;
    }

    var host = HostOptionsReader.Read(builder.Configuration, GxHostOptions.SectionName, new GxHostOptionsValidator());
    await builder.PreparePostgresAsync(postgres);
    builder.RequireExplicitLedgerMode(postgres);
    builder.RequireMailTransport(postgres);
    await using var devLedger = await builder.AddGxLedgerAsync();
    builder.AddGxSilo(host, postgres);
    builder.AddGxFrontends(host, embedded: postgres is null);
    builder.AddGxOps(host);
    builder.AddGxShutdownBound(host);

    var app = builder.Build();
    app.ArmGxShutdownBound(host);
    app.UseGxApiInfrastructure();
    app.MapGxServices(GxServiceNames.All, host);
    app.MapGxOps(host, requireAdminForDashboard: host.DashboardRequiresAdmin ?? postgres is not null);
    if (postgres is null)
    {
        app.MapGxDevMailbox();
    }
    await app.RunAsync();
});
