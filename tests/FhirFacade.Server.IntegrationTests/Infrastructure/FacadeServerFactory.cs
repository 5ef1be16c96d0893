using System.Net.Http.Headers;
using FhirFacade.Core.Gateway;
using FhirFacade.Demo;
using FhirFacade.Server.DevAuthorization;
using FhirFacade.Simulators.Hosting;
using FhirFacade.TestKit.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FhirFacade.Server.IntegrationTests.Infrastructure;

/// <summary>
/// The facade in memory: the demo host (src/FhirFacade.Demo), which is the production server's composition
/// (<c>FacadeServer</c>) with the REAL simulators started in-process on loopback (appsettings.demo.json): every
/// request crosses the supplier's native protocol. Clients carry
/// a development clinician token (<c>user/*.rs</c>) unless made with <see cref="CreateAnonymousClient"/>;
/// each factory audits into its own temporary SQLite file.
/// </summary>
public class FacadeServerFactory : WebApplicationFactory<DemoHost>
{
    private readonly string _auditPath = Path.Combine(Path.GetTempPath(), "ffaudit-it-" + Guid.NewGuid().ToString("N")[..12] + ".db");

    /// <summary>The public FHIR base URL the test server is configured with: the audience of its tokens.</summary>
    public const string PublicBaseUrl = "http://localhost/fhir";

    /// <summary>The simulators this server talks to (for fault injection).</summary>
    public SimulatorCluster Simulators => Services.GetRequiredService<EmbeddedSimulators>().Cluster!;

    /// <summary>The gateway's overall time budget for one request, as this server is configured.</summary>
    public TimeSpan OverallBudget => Services.GetRequiredService<IOptions<GatewayOptions>>().Value.OverallBudget;

    /// <summary>Configuration overrides for a fixture.</summary>
    protected virtual Dictionary<string, string?> Settings => [];

    /// <summary>A client with no Authorization header, for the security tests.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Audit:SqlitePath"] = _auditPath,

                // The server never takes the token audience from the Host header; the in-memory server is
                // addressed as http://localhost, so that is its public base URL (and the development issuer's root).
                ["Facade:Server:PublicBaseUrl"] = PublicBaseUrl,

                // The tests' fixed id key, so that ids made by TestResourceIds are ids this server issued.
                ["Facade:Ids:SigningKey"] = TestResourceIds.SigningKey,
            })
            .AddInMemoryCollection(Settings));
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        var issuer = Services.GetRequiredService<DevAuthorizationServer>();
        var clinician = Services.GetRequiredService<IOptions<DevAuthorizationOptions>>().Value.Clients.Single(c => c.ClientId == "demo-client");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer",
            issuer.IssueToken("http://localhost/dev-auth", "http://localhost/fhir", clinician, ["user/*.rs"], patient: null));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in new[] { _auditPath, _auditPath + "-wal", _auditPath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
