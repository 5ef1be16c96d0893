using System.Diagnostics.CodeAnalysis;
using FhirFacade.Core.Gateway;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Suppliers;

/// <summary>
/// A supplier that answers a question about one patient with another patient's record has failed, whatever that
/// other patient's record says. Adapters check this before they apply the record's restrictions: a dissenting or
/// sensitive flag on someone else's record says nothing about the patient asked for (it would turn into a false
/// 403 <c>NO_PATIENT_CONSENT</c> or 404 <c>PATIENT_NOT_FOUND</c>), and that record is not mapped at all.
/// </summary>
public static class PatientMismatch
{
    /// <summary>The issue code of an answer withheld because it was about a different patient.</summary>
    public const string Code = "PATIENT-MISMATCH";

    /// <summary>The reason, as it reads after the thing withheld ("A Condition from … was about …").</summary>
    internal const string Reason = "was about a different patient than the one asked for";

    /// <summary>
    /// True when the supplier's record names a patient other than the one asked for: the id asked with is an NHS
    /// number (as every adapter's patient-scoped id is) and the record carries a different one. A record that names
    /// no NHS number cannot be told apart and is not a mismatch here (the gateway still checks what is mapped).
    /// </summary>
    public static bool IsAboutAnotherPatient(string askedId, [NotNullWhen(true)] string? recordNhsNumber) =>
        !string.IsNullOrEmpty(recordNhsNumber)
        && PatientSelector.ForNativeId(askedId).NhsNumber is { } asked
        && !string.Equals(asked.Value, recordNhsNumber, StringComparison.Ordinal);

    /// <summary>
    /// A read answered with another patient's record: no resource, but who was asked about and who the record is
    /// about, so the gateway refuses it as 502 <see cref="Code"/>.
    /// </summary>
    public static SupplierReadResult Read(string askedId, string recordNhsNumber) =>
        new(null, []) { AskedAbout = PatientSelector.ForNativeId(askedId), RecordNhsNumber = recordNhsNumber };

    /// <summary>A search answered with another patient's record: no matches, and one warning that the record was withheld.</summary>
    public static SupplierSearchResult Search(ISupplierAdapter adapter, OrganisationEndpoint organisation, string resourceType)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(organisation);
        return new SupplierSearchResult([], [], [Withheld(adapter, organisation, resourceType)]);
    }

    /// <summary>The warning for a search answer about someone else that was withheld whole.</summary>
    public static Issue Withheld(ISupplierAdapter adapter, OrganisationEndpoint organisation, string resourceType)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(organisation);
        return new Issue(
            Code,
            IssueSeverity.Warning,
            IssueType.Processing,
            $"The {resourceType} record from {SupplierCallRunner.SupplierLabel(adapter, organisation)} {Reason} and was withheld.");
    }
}
