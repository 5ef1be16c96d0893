using FhirFacade.Core;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Packages;
using FhirFacade.Server.Auditing;
using FhirFacade.Server.Endpoints;
using FhirFacade.Server.Health;
using FhirFacade.Server.Hosting;
using FhirFacade.Server.Security;
using FhirFacade.Server.Telemetry;
using FhirFacade.Server.Viewer;
using FhirFacade.Suppliers.Emis;
using FhirFacade.Suppliers.Microtest;
using FhirFacade.Suppliers.Tpp;
using FhirFacade.Suppliers.Vision;

// Started from another folder (`dotnet /opt/fhirfacade/FhirFacade.Server.dll`), the settings are beside the binaries, not in the current folder.
var contentRoot = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });

// The FHIR packages first: a missing one stops the start with one message (which package, where it was looked for, how to get it).
FhirKernel kernel;
try
{
    kernel = FhirPackageStartup.OpenKernel(builder.Configuration);
}
catch (FhirPackageException missing)
{
    await Console.Error.WriteLineAsync($"FhirFacade cannot start: {missing.Message}");
    return 1;
}

builder.Services.AddFhirKernel(kernel);
builder.Services.AddFhirFacadeCore(builder.Configuration);
builder.Services.AddEmisSupplier(builder.Configuration);
builder.Services.AddTppSupplier(builder.Configuration);
builder.Services.AddVisionSupplier(builder.Configuration);
builder.Services.AddMicrotestSupplier(builder.Configuration);
builder.Services.AddFhirFacadeServer(builder.Configuration);
builder.Services.AddHealthProbes();
builder.Services.AddRequestAuditing(builder.Configuration);
builder.Services.AddSmartSecurity(builder.Configuration, FhirBasePath(builder.Configuration));
builder.Services.AddViewer();
builder.Services.AddFacadeTelemetry(builder.Configuration);
EmbeddedSimulators.AddIfEnabled(builder.Services, builder.Configuration);

var app = builder.Build();

// The embedded default: simulated supplier backends in-process on loopback (off in production config).
await using var simulators = await EmbeddedSimulators.StartIfEnabledAsync(app.Services, CancellationToken.None);

app.UseFhirFacade();
app.MapHealthProbes();
app.MapSmartEndpoints();
app.MapAuditEvents(FhirBasePath(app.Configuration));
app.MapFhirFacade();
app.MapViewer();
StartupBanner.Register(app);
await app.RunAsync();
return 0;

static string FhirBasePath(IConfiguration configuration) => configuration["Facade:Server:BasePath"] ?? "/fhir";

/// <summary>Entry point; partial so that integration tests can start it with WebApplicationFactory.</summary>
public partial class Program
{
}
