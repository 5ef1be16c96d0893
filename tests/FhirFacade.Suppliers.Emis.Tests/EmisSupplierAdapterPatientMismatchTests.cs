using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.Simulators.Faults;
using FhirFacade.TestKit.Suppliers;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Emis.Tests;

/// <summary>
/// The adapter over the real EMIS simulator when EMIS answers a question about one patient with a restricted patient's
/// record (the wrong-patient fault naming the dissenting or the sensitive demo patient): that patient's flags must not
/// become a 403/404 about the patient asked for, and their record is not mapped.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EmisSupplierAdapterPatientMismatchTests(EmisAdapterFixture fixture) : IClassFixture<EmisAdapterFixture>, IAsyncLifetime
{
    private const string Asked = "9990000018";

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

        var read = await fixture.Adapter.ReadAsync(fixture.Organisation, resourceType, nativeId, CancellationToken.None);

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

        var result = await fixture.Adapter.SearchAsync(fixture.Organisation, EmisAdapterFixture.Query(resourceType, Asked), CancellationToken.None);

        result.Matches.Should().BeEmpty();
        result.Included.Should().BeEmpty();
        var issue = result.Issues.Should().ContainSingle().Subject;
        issue.Code.Should().Be(PatientMismatch.Code);
        issue.Severity.Should().Be(IssueSeverity.Warning);
        issue.Message.Should().Contain("EMIS Web (emis)").And.Contain("A81001").And.NotContain(restricted);
    }

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

    /// <summary>The native id of one of the asked patient's records of the type, found before any fault is set.</summary>
    private async Task<string> NativeIdAsync(string resourceType)
    {
        if (resourceType == T.Patient)
        {
            return Asked;
        }

        var searched = resourceType == T.Medication ? T.MedicationStatement : resourceType;
        var result = await fixture.Adapter.SearchAsync(fixture.Organisation, EmisAdapterFixture.Query(searched, Asked), CancellationToken.None);
        return result.Matches.Should().NotBeEmpty().And.Subject.First().NativeId;
    }
}
