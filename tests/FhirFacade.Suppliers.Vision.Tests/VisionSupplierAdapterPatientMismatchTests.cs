using FhirFacade.Core.Suppliers;
using FhirFacade.Simulators.Faults;
using FhirFacade.Suppliers.Vision.Tests.Mllp;
using FhirFacade.TestKit.Suppliers;
using Microsoft.Extensions.DependencyInjection;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Vision.Tests;

/// <summary>
/// The adapter over the real Vision simulator (MLLP) when Vision answers a question about one patient with a restricted patient's
/// record (the wrong-patient fault naming the dissenting or the sensitive demo patient): that patient's flags must not
/// become a 403/404 about the patient asked for, and their record is not mapped. The shared theories are in
/// <see cref="SupplierAdapterPatientMismatchTests"/>; here, Vision's hooks and its own refusals of a restricted asked
/// patient (a scripted MLLP server answering with the restricting ZSH segment).
/// </summary>
[Trait("Category", "Integration")]
public sealed class VisionSupplierAdapterPatientMismatchTests(VisionAdapterFixture fixture) : SupplierAdapterPatientMismatchTests, IClassFixture<VisionAdapterFixture>
{
    protected override ISupplierAdapter Adapter => fixture.Adapter;

    protected override OrganisationEndpoint Organisation => fixture.Oakfield;

    protected override string Asked => VisionTestPatients.Rich;

    protected override string SupplierLabel => "INPS Vision (vision)";

    protected override SupplierQuery Query(string resourceType, string nhsNumber) => VisionAdapterFixture.Query(resourceType, nhsNumber);

    protected override void AnswerWithTheRecordOf(string nhsNumber) => fixture.Simulator.Faults.Set(FaultSpec.WrongPatient(Asked, nhsNumber));

    protected override void ClearFaults() => fixture.Simulator.Faults.Clear();

    public static TheoryData<string, int> AskedPatientRestricted => new()
    {
        { "ZSH|Y|N|GMS|19960401", 403 },
        { "ZSH|N|Y|GMS|19960401", 404 },
    };

    [Theory]
    [MemberData(nameof(AskedPatientRestricted))]
    public async Task ReadAsync_TheAskedPatientIsRestricted_RefusesTheRequest(string zsh, int status)
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Accepted(q.ControlId, zsh: zsh)));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var read = () => sut.ReadAsync(VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint), T.Patient, VisionMessages.Nhs, CancellationToken.None);

        (await read.Should().ThrowAsync<PatientRestrictedException>()).Which.StatusCode.Should().Be(status);
    }

    [Theory]
    [MemberData(nameof(AskedPatientRestricted))]
    public async Task SearchAsync_TheAskedPatientIsRestricted_RefusesTheRequest(string zsh, int status)
    {
        await using var server = new ScriptedMllpServer(q => ScriptedMllpServer.Framed(VisionMessages.Accepted(q.ControlId, zsh: zsh)));
        await using var services = fixture.CreateServices();
        var sut = services.GetRequiredService<ISupplierAdapter>();

        var search = () => sut.SearchAsync(VisionAdapterFixture.Organisation("C83001", "Oakfield Surgery", server.Endpoint), VisionAdapterFixture.Query(T.Condition, VisionMessages.Nhs), CancellationToken.None);

        (await search.Should().ThrowAsync<PatientRestrictedException>()).Which.StatusCode.Should().Be(status);
    }
}
