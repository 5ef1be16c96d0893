using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Simulators.Faults;
using FhirFacade.TestKit.Suppliers;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Tpp.Tests;

/// <summary>
/// The adapter over the real SystmOne simulator when TPP answers a question about one patient with a restricted patient's
/// record (the wrong-patient fault naming the dissenting or the sensitive demo patient): that patient's flags must not
/// become a 403/404 about the patient asked for, and their record is not mapped. The shared theories are in
/// <see cref="SupplierAdapterPatientMismatchTests"/>; here, TPP's hooks and its own refusal of the sensitive patient.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TppSupplierAdapterPatientMismatchTests(TppSimulatorFixture fixture) : SupplierAdapterPatientMismatchTests, IClassFixture<TppSimulatorFixture>
{
    protected override ISupplierAdapter Adapter => fixture.Adapter;

    protected override OrganisationEndpoint Organisation => fixture.Moorland;

    protected override string Asked => "9990000026";

    protected override string SupplierLabel => "TPP SystmOne (tpp)";

    protected override SupplierQuery Query(string resourceType, string nhsNumber) =>
        new(new SearchRequest { ResourceType = resourceType }, new PatientSelector(NhsNumber.TryParse(nhsNumber, out var parsed) ? parsed : throw new ArgumentException("Invalid NHS number.", nameof(nhsNumber)), null));

    protected override void AnswerWithTheRecordOf(string nhsNumber) => fixture.Simulator.Faults.Set(FaultSpec.WrongPatient(Asked, nhsNumber));

    protected override void ClearFaults() => fixture.Simulator.Faults.Clear();

    [Fact]
    public async Task ReadAsync_TheAskedPatientIsSensitive_RefusesAsPatientNotFound()
    {
        var read = () => fixture.Adapter.ReadAsync(fixture.Moorland, T.Patient, PatientMismatchCases.Sensitive, CancellationToken.None);

        (await read.Should().ThrowAsync<PatientRestrictedException>()).Which.StatusCode.Should().Be(404);
    }
}
