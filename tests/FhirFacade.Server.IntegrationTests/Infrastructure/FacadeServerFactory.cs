using FhirFacade.Server.Hosting;
using FhirFacade.Simulators.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FhirFacade.Server.IntegrationTests.Infrastructure;

/// <summary>
/// The facade in memory, with the REAL simulators started in-process on loopback by the embedded
/// default (appsettings.json): every request crosses the supplier's native protocol.
/// </summary>
public class FacadeServerFactory : WebApplicationFactory<Program>
{
    /// <summary>The simulators this server talks to (for fault injection).</summary>
    public SimulatorCluster Simulators => Services.GetRequiredService<EmbeddedSimulators>().Cluster!;

    /// <summary>Configuration overrides for a fixture.</summary>
    protected virtual Dictionary<string, string?> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(Settings));
    }
}
