using FhirFacade.Core.Gateway;
using FhirFacade.TestKit.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FhirFacade.Server.IntegrationTests.Infrastructure;

/// <summary>
/// A facade whose supplier calls give up quickly, for the timeout and hang faults. The per-supplier
/// timeout is short enough that a timeout row takes under a second, yet long enough that a healthy
/// supplier on loopback answers well within it on a loaded two-core machine; the faults it is meant
/// for hold a supplier far beyond it, so "timed out" never depends on the machine's speed. Every
/// other fault runs against <see cref="FacadeServerFactory"/> (production time limits), where a
/// fast failure cannot turn into a timeout.
/// <para>
/// The fixture warms every adapter's path once (no test pays for first-call compilation inside this
/// short budget) and keeps record locations for the whole run, so a fault set on a multi-supplier
/// patient after the warm-up meets the supplier calls, not the location that precedes them — with
/// both in one short budget, a hang during location would leave the healthy suppliers no time.
/// </para>
/// <para>
/// The facade's own load is pinned to "never starved" (<see cref="FakeProcessLoad"/>): these tests are
/// about suppliers' faults, and a stall of the shared machine inside the short budget would otherwise
/// turn a supplier's timeout into <c>FACADE-OVERLOADED</c> (docs/adr/0010-load-shedding-and-overload.md).
/// Attribution under starvation has tests of its own (tests/FhirFacade.Server.IntegrationTests/Load).
/// </para>
/// </summary>
public sealed class ShortTimeoutFacadeServerFactory : FacadeServerFactory, IAsyncLifetime
{
    private const int WarmUpAttempts = 5;

    private static readonly string[] WarmUpUrls =
    [
        "/fhir/Patient?identifier=" + FhirHttp.Nhs + TestPatients.AllFourSuppliers,
        "/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + TestPatients.AllFourSuppliers,
    ];

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Facade:Gateway:SupplierTimeout"] = "00:00:00.800",
        ["Facade:Gateway:OverallBudget"] = "00:00:01",
        ["Facade:Gateway:LocationCacheTtl"] = "00:10:00",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<IProcessLoad>(new FakeProcessLoad())));
    }

    public async Task InitializeAsync()
    {
        using var client = CreateClient();
        foreach (var url in WarmUpUrls)
        {
            // A cold server may miss the short budget once; only a complete answer caches the location.
            for (var attempt = 0; attempt < WarmUpAttempts; attempt++)
            {
                var response = await client.FhirGetAsync(url);
                if (response.Status == System.Net.HttpStatusCode.OK && response.Issues().All(i => i["severity"]?.GetValue<string>() == "information"))
                {
                    break;
                }
            }
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
