using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.Simulators.Faults;
using FhirFacade.Suppliers.Vision.Tests.Mllp;
using FhirFacade.TestKit.Suppliers;
using Microsoft.Extensions.DependencyInjection;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Vision.Tests;

/// <summary>
/// The adapter over the real Vision simulator (MLLP) when Vision answers a question about one patient with a restricted patient's
/// record (the wrong-patient fault naming the dissenting or the sensitive demo patient): that patient's flags must not
/// become a 403/404 about the patient asked for, and their record is not mapped.
/// </summary>
[Trait("Category", "Integration")]
public sealed class VisionSupplierAdapterPatientMismatchTests(VisionAdapterFixture fixture) : IClassFixture<VisionAdapterFixture>, IAsyncLifetime
{
    private const string Asked = VisionTestPatients.Rich;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        fixture.Simulator.Faults.Clear();
        return Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(PatientMismatchCases.Reads), MemberType = typeof(PatientMismatchCases))]
    public async Task ReadAsync_AnsweredWithARestrictedPatientsRecord_ReturnsNoResourceNamingBothPatients(string restricted, string resourceType)
    {
        var nativeId = await NativeIdAsync(resourceType);
        fixture.Simulator.Faults.Set(FaultSpec.WrongPatient(Asked, restricted));

        var read = await fixture.Adapter.ReadAsync(fixture.Oakfield, resourceType, nativeId, CancellationToken.None);

        read.Resource.Should().BeNull();
        read.Issues.Should().BeEmpty();
        read.AskedAbout.Should().Be(PatientSelector.ForNativeId(Asked));
        read.RecordNhsNumber.Should().Be(restricted);
    }

    [Theory]
    [MemberData(nameof(PatientMismatchCases.Searches), MemberType = typeof(PatientMismatchCases))]
    public async Task SearchAsync_AnsweredWithARestrictedPatientsRecord_WithholdsItWithAPatientMismatchWarning(string restricted, string resourceType)
    {
        fixture.Simulator.Faults.Set(FaultSpec.WrongPatient(Asked, restricted));

        var result = await fixture.Adapter.SearchAsync(fixture.Oakfield, VisionAdapterFixture.Query(resourceType, Asked), CancellationToken.None);

        result.Matches.Should().BeEmpty();
        result.Included.Should().BeEmpty();
        var issue = result.Issues.Should().ContainSingle().Subject;
        issue.Code.Should().Be(PatientMismatch.Code);
        issue.Severity.Should().Be(IssueSeverity.Warning);
        issue.Message.Should().Contain("INPS Vision (vision)").And.Contain("C83001").And.NotContain(restricted);
    }

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

    /// <summary>The native id of one of the asked patient's records of the type, found before any fault is set.</summary>
    private async Task<string> NativeIdAsync(string resourceType)
    {
        if (resourceType == T.Patient)
        {
            return Asked;
        }

        var searched = resourceType == T.Medication ? T.MedicationStatement : resourceType;
        var result = await fixture.Adapter.SearchAsync(fixture.Oakfield, VisionAdapterFixture.Query(searched, Asked), CancellationToken.None);
        return result.Matches.Should().NotBeEmpty().And.Subject.First().NativeId;
    }
}
