using FhirFacade.Demo;
using FhirFacade.Server.DevAuthorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FhirFacade.Benchmarks.Server;

/// <summary>
/// The facade in memory (TestServer): the demo host, the production composition with the embedded simulators: the REAL EMIS simulator on loopback,
/// SMART on, every request durably audited into a throw-away SQLite file, logging at Warning.
/// </summary>
internal sealed class BenchmarkFacadeFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<DemoHost>
{
    public const string DemoNhsNumber = "9990000018";
    public const string Issuer = "http://localhost/dev-auth";
    public const string Audience = "http://localhost/fhir";

    private readonly string _auditDirectory = Directory.CreateTempSubdirectory("ffaudit-bench-").FullName;

    public Uri EmisBaseAddress => Services.GetRequiredService<EmbeddedSimulators>().Cluster!.Emis.BaseAddress;

    public string EmisApiKey => Services.GetRequiredService<EmbeddedSimulators>().Cluster!.Emis.ApiKey;

    /// <summary>A development clinician token (<c>user/*.rs</c>) for the in-memory base address.</summary>
    public string ClinicianToken()
    {
        var issuer = Services.GetRequiredService<DevAuthorizationServer>();
        var clinician = Services.GetRequiredService<IOptions<DevAuthorizationOptions>>().Value.Clients.Single(c => c.ClientId == "demo-client");
        return issuer.IssueToken(Issuer, Audience, clinician, ["user/*.rs"], patient: null);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Audit:SqlitePath"] = Path.Combine(_auditDirectory, "audit.db"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:FhirFacade"] = "Information",

            // The token audience comes from configuration, never from the Host header (docs/security.md).
            ["Facade:Server:PublicBaseUrl"] = Audience,
        }).AddInMemoryCollection(settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(_auditDirectory))
        {
            Directory.Delete(_auditDirectory, recursive: true);
        }
    }
}
