using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;
using FluentAssertions;
using Xunit;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.TestKit.Suppliers;

/// <summary>
/// The tests every supplier adapter shares for a supplier that answers a question about one patient with a restricted
/// patient's record (the simulator's wrong-patient fault naming the dissenting or the sensitive demo patient): that
/// patient's flags must not become a 403/404 about the patient asked for, and their record is not mapped. Each
/// supplier's test project holds a thin sealed subclass that supplies its fixture through the hooks below (xunit
/// discovers these inherited theories there) and keeps its supplier-specific tests.
/// </summary>
public abstract class SupplierAdapterPatientMismatchTests : IAsyncLifetime
{
    /// <summary>The adapter under test, over the supplier's real simulator.</summary>
    protected abstract ISupplierAdapter Adapter { get; }

    /// <summary>The organisation asked, at the simulator; its ODS code must appear in the withheld warning.</summary>
    protected abstract OrganisationEndpoint Organisation { get; }

    /// <summary>The NHS number of the patient asked about: one the organisation holds, with records of every type.</summary>
    protected abstract string Asked { get; }

    /// <summary>How the withheld warning names the supplier, e.g. <c>EMIS Web (emis)</c>.</summary>
    protected abstract string SupplierLabel { get; }

    /// <summary>A search of <paramref name="resourceType"/> for the patient with <paramref name="nhsNumber"/>, as the supplier's fixture builds it.</summary>
    protected abstract SupplierQuery Query(string resourceType, string nhsNumber);

    /// <summary>Makes the simulator answer questions about <see cref="Asked"/> with the record of <paramref name="nhsNumber"/>.</summary>
    protected abstract void AnswerWithTheRecordOf(string nhsNumber);

    /// <summary>Clears every fault set on the simulator, so the shared fixture is clean for the next test.</summary>
    protected abstract void ClearFaults();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        ClearFaults();
        return Task.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(PatientMismatchCases.Reads), MemberType = typeof(PatientMismatchCases))]
    public async Task ReadAsync_AnsweredWithARestrictedPatientsRecord_ReturnsNoResourceNamingBothPatients(string restricted, string resourceType)
    {
        var nativeId = await NativeIdAsync(resourceType);
        AnswerWithTheRecordOf(restricted);

        var read = await Adapter.ReadAsync(Organisation, resourceType, nativeId, CancellationToken.None);

        read.Resource.Should().BeNull();
        read.Issues.Should().BeEmpty();
        read.AskedAbout.Should().Be(PatientSelector.ForNativeId(Asked));
        read.RecordNhsNumber.Should().Be(restricted);
    }

    [Theory]
    [MemberData(nameof(PatientMismatchCases.Searches), MemberType = typeof(PatientMismatchCases))]
    public async Task SearchAsync_AnsweredWithARestrictedPatientsRecord_WithholdsItWithAPatientMismatchWarning(string restricted, string resourceType)
    {
        AnswerWithTheRecordOf(restricted);

        var result = await Adapter.SearchAsync(Organisation, Query(resourceType, Asked), CancellationToken.None);

        result.Matches.Should().BeEmpty();
        result.Included.Should().BeEmpty();
        var issue = result.Issues.Should().ContainSingle().Subject;
        issue.Code.Should().Be(PatientMismatch.Code);
        issue.Severity.Should().Be(IssueSeverity.Warning);
        issue.Message.Should().Contain(SupplierLabel).And.Contain(Organisation.OdsCode).And.NotContain(restricted);
    }

    /// <summary>The native id of one of the asked patient's records of the type, found before any fault is set.</summary>
    private async Task<string> NativeIdAsync(string resourceType)
    {
        if (resourceType == T.Patient)
        {
            return Asked;
        }

        var searched = resourceType == T.Medication ? T.MedicationStatement : resourceType;
        var result = await Adapter.SearchAsync(Organisation, Query(searched, Asked), CancellationToken.None);
        return result.Matches.Should().NotBeEmpty().And.Subject.First().NativeId;
    }
}
