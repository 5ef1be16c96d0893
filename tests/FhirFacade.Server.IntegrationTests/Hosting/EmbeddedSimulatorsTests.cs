using System.Net;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.Simulators.Faults;
using FhirFacade.Simulators.World;

namespace FhirFacade.Server.IntegrationTests.Hosting;

[Trait("Category", "Integration")]
public sealed class EmbeddedSimulatorsTests(AddedLatencyFacadeServerFactory factory) : IClassFixture<AddedLatencyFacadeServerFactory>
{
    [Fact]
    public async Task StartIfEnabled_WithAddedLatency_SetsALatencyFaultForEveryPatientOnAllFourSimulators()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/fhir/metadata", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        factory.Simulators.All.Select(s => s.Supplier).Should().BeEquivalentTo([SupplierKind.Emis, SupplierKind.Tpp, SupplierKind.Vision, SupplierKind.Microtest]);
        factory.Simulators.All.Should().OnlyContain(s => s.Faults.Active.Count == 1
            && s.Faults.Active[0].Kind == FaultKind.Latency
            && s.Faults.Active[0].LatencyMs == AddedLatencyFacadeServerFactory.LatencyMs
            && s.Faults.Active[0].NhsNumber == null);
    }
}
