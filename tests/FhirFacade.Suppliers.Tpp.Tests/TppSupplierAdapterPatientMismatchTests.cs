using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FhirFacade.Simulators.Faults;
using FhirFacade.TestKit.Suppliers;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Suppliers.Tpp.Tests;

/// <summary>
/// The adapter over the real SystmOne simulator when TPP answers a question about one patient with a restricted patient's
/// record (the wrong-patient fault naming the dissenting or the sensitive demo patient): that patient's flags must not
/// become a 403/404 about the patient asked for, and their record is not mapped.
/// </summary>
[Trait("Category", "Integration")]
public sealed class TppSupplierAdapterPatientMismatchTests(TppSimulatorFixture fixture) : IClassFixture<TppSimulatorFixture>, IAsyncLifetime
{
    private const string Asked = "9990000026";

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

        var read = await fixture.Adapter.ReadAsync(fixture.Moorland, resourceType, nativeId, CancellationToken.None);

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

        var result = await fixture.Adapter.SearchAsync(fixture.Moorland, Query(resourceType, Asked), CancellationToken.None);

        result.Matches.Should().BeEmpty();
        result.Included.Should().BeEmpty();
        var issue = result.Issues.Should().ContainSingle().Subject;
        issue.Code.Should().Be(PatientMismatch.Code);
        issue.Severity.Should().Be(IssueSeverity.Warning);
        issue.Message.Should().Contain("TPP SystmOne (tpp)").And.Contain("B82005").And.NotContain(restricted);
    }

    [Fact]
    public async Task ReadAsync_TheAskedPatientIsSensitive_RefusesAsPatientNotFound()
    {
        var read = () => fixture.Adapter.ReadAsync(fixture.Moorland, T.Patient, PatientMismatchCases.Sensitive, CancellationToken.None);

        (await read.Should().ThrowAsync<PatientRestrictedException>()).Which.StatusCode.Should().Be(404);
    }

    /// <summary>The native id of one of the asked patient's records of the type, found before any fault is set.</summary>
    private async Task<string> NativeIdAsync(string resourceType)
    {
        if (resourceType == T.Patient)
        {
            return Asked;
        }

        var searched = resourceType == T.Medication ? T.MedicationStatement : resourceType;
        var result = await fixture.Adapter.SearchAsync(fixture.Moorland, Query(searched, Asked), CancellationToken.None);
        return result.Matches.Should().NotBeEmpty().And.Subject.First().NativeId;
    }

    private static SupplierQuery Query(string resourceType, string nhsNumber) =>
        new(new SearchRequest { ResourceType = resourceType }, new PatientSelector(NhsNumber.TryParse(nhsNumber, out var parsed) ? parsed : throw new ArgumentException("Invalid NHS number.", nameof(nhsNumber)), null));
}
