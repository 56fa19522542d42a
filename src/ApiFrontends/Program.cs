using GxProtocol.ApiFrontends.Hosting;
using GxProtocol.ApiFrontends.Hosting.Tracing;
using GxProtocol.ApiFrontends.Infrastructure;
using GxProtocol.ApiFrontends.Services;

// A frontend on its own: an Orleans client serving one service (--service tokenomics, port 3003) or all seven.
var builder = WebApplication.CreateBuilder(args);
builder.AddGxConsoleLogging();
builder.AddGxTracing("gx-frontend");
var services = GxApiFrontendsExtensions.SelectedServices(builder.Configuration);

builder.AddGxOrleansClient();
builder.Services.AddGxApiFrontends(builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<ClusterReachableHealthCheck>("orleans-cluster");
builder.ListenOnServicePort(services);

var app = builder.Build();
app.UseGxApiInfrastructure();
app.MapGxServices(services);
app.MapGxMetrics();
app.Run();
