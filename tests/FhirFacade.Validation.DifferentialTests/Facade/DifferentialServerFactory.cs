using System.Net.Http.Headers;
using FhirFacade.Server.DevAuthorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FhirFacade.Validation.DifferentialTests.Facade;

/// <summary>
/// The facade in memory with its embedded default: the real simulators on loopback behind every supplier
/// adapter (as in the integration tests' FacadeServerFactory), an audit file of its own, and clients that
/// carry a development clinician token (<c>user/*.rs</c>). Validation policy <c>Off</c>: the facade's own
/// validator would withhold what it finds invalid (policy <c>Enforce</c>), hiding a mapper's mistake from
/// the comparison; here every mapped resource is released so both engines judge what the mappers produce.
/// </summary>
public sealed class DifferentialServerFactory : WebApplicationFactory<FhirFacade.Demo.DemoHost>
{
    private readonly string _auditPath = Path.Combine(Path.GetTempPath(), "ffaudit-diff-" + Guid.NewGuid().ToString("N")[..12] + ".db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Audit:SqlitePath"] = _auditPath, ["Facade:Validation:Policy"] = "Off" }));
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
