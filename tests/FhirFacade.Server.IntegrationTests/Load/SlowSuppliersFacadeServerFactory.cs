using System.Globalization;
using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;

namespace FhirFacade.Server.IntegrationTests.Load;

/// <summary>
/// A facade with a small admission limit whose simulators all take <see cref="SupplierLatencyMs"/> to
/// answer, so that requests sent together really are in flight together and the limit decides, not the
/// machine's speed. Warmed once (compilation, record location) before any test.
/// </summary>
public class SlowSuppliersFacadeServerFactory : FacadeServerFactory, IAsyncLifetime
{
    public const int SupplierLatencyMs = 1000;

    public const string Search = "/fhir/MedicationStatement?patient.identifier=" + FhirHttp.Nhs + TestPatients.EmisRich;

    public virtual int PermitLimit => 2;

    public virtual int QueueLimit => 2;

    public virtual TimeSpan QueueTimeout => TimeSpan.FromSeconds(30);

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Facade:EmbeddedSimulators:AddedLatencyMs"] = SupplierLatencyMs.ToString(CultureInfo.InvariantCulture),
        ["Facade:LoadShedding:PermitLimit"] = PermitLimit.ToString(CultureInfo.InvariantCulture),
        ["Facade:LoadShedding:QueueLimit"] = QueueLimit.ToString(CultureInfo.InvariantCulture),
        ["Facade:LoadShedding:QueueTimeout"] = QueueTimeout.ToString("c", CultureInfo.InvariantCulture),
        ["Facade:Gateway:LocationCacheTtl"] = "00:10:00",

        // Time limits far above the added latency: these tests are about admission, not timeouts.
        ["Facade:Gateway:SupplierTimeout"] = "00:00:20",
        ["Facade:Gateway:OverallBudget"] = "00:00:30",
        ["Suppliers:Emis:AttemptTimeout"] = "00:00:20",
        ["Suppliers:Tpp:AttemptTimeout"] = "00:00:20",
        ["Suppliers:Vision:AttemptTimeout"] = "00:00:20",
        ["Suppliers:Microtest:AttemptTimeout"] = "00:00:20",
    };

    public async Task InitializeAsync()
    {
        var response = await CreateClient().FhirGetAsync(Search);
        response.Status.Should().Be(HttpStatusCode.OK, "the warm-up search must succeed");
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
