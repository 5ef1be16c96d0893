using FhirFacade.Core;
using FhirFacade.Server.Endpoints;
using FhirFacade.Server.Hosting;
using FhirFacade.Suppliers.Emis;
using FhirFacade.Suppliers.Tpp;

var builder = WebApplication.CreateBuilder(args);

// The embedded default: simulated supplier backends in-process on loopback (off in production config).
await using var simulators = await EmbeddedSimulators.StartIfEnabledAsync(builder, CancellationToken.None);

builder.Services.AddFhirKernel();
builder.Services.AddFhirFacadeCore(builder.Configuration);
builder.Services.AddEmisSupplier(builder.Configuration);
builder.Services.AddTppSupplier(builder.Configuration);
builder.Services.AddFhirFacadeServer(builder.Configuration);

var app = builder.Build();
app.UseFhirFacade();
app.MapFhirFacade();
StartupBanner.Register(app);
await app.RunAsync();

/// <summary>Entry point; partial so that integration tests can start it with WebApplicationFactory.</summary>
public partial class Program
{
}
