using FhirFacade.Core.Suppliers;
using FhirFacade.Simulators.Faults;
using FhirFacade.TestKit.Suppliers;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Emis.Tests;

/// <summary>
/// The adapter over the real EMIS simulator when EMIS answers a question about one patient with a restricted patient's
/// record (the wrong-patient fault naming the dissenting or the sensitive demo patient): that patient's flags must not
/// become a 403/404 about the patient asked for, and their record is not mapped. The shared theories are in
/// <see cref="SupplierAdapterPatientMismatchTests"/>; here, EMIS's hooks and its own refusals of the dissenting patient.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EmisSupplierAdapterPatientMismatchTests(EmisAdapterFixture fixture) : SupplierAdapterPatientMismatchTests, IClassFixture<EmisAdapterFixture>
{
    protected override ISupplierAdapter Adapter => fixture.Adapter;

    protected override OrganisationEndpoint Organisation => fixture.Organisation;

    protected override string Asked => "9990000018";

    protected override string SupplierLabel => "EMIS Web (emis)";

    protected override SupplierQuery Query(string resourceType, string nhsNumber) => EmisAdapterFixture.Query(resourceType, nhsNumber);

    protected override void AnswerWithTheRecordOf(string nhsNumber) => fixture.Simulator.Faults.Set(FaultSpec.WrongPatient(Asked, nhsNumber));

    protected override void ClearFaults() => fixture.Simulator.Faults.Clear();

    [Fact]
    public async Task ReadAsync_TheAskedPatientDissented_RefusesAsNoPatientConsent()
    {
        var read = () => fixture.Adapter.ReadAsync(fixture.Organisation, T.Patient, PatientMismatchCases.Dissenting, CancellationToken.None);

        (await read.Should().ThrowAsync<PatientRestrictedException>()).Which.StatusCode.Should().Be(403);
    }

    [Fact]
    public async Task SearchAsync_TheAskedPatientDissented_RefusesAsNoPatientConsent()
    {
        var search = () => fixture.Adapter.SearchAsync(fixture.Organisation, EmisAdapterFixture.Query(T.Condition, PatientMismatchCases.Dissenting), CancellationToken.None);

        (await search.Should().ThrowAsync<PatientRestrictedException>()).Which.StatusCode.Should().Be(403);
    }
}
