using FhirFacade.Server.Hosting;

// The production server: the composition in FacadeServer, started from configuration alone (appsettings.json beside
// the binaries, environment variables, the command line). The demo with simulated suppliers is src/FhirFacade.Demo.
return await FacadeServer.RunAsync(args);

/// <summary>Entry point; partial so that integration tests can start it with WebApplicationFactory.</summary>
public partial class Program
{
}
