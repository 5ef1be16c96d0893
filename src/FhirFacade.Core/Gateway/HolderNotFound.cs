using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Gateway;

/// <summary>
/// A holder the gateway consulted because the record locator listed it, whose system then said it has no record for
/// the patient (<see cref="SupplierSearchResult.PatientNotHeld"/>). Whatever the cause — the record moved, the
/// location went stale, or the supplier is wrong — the answer must say that organisation's data is missing: a
/// clinician must never read an absent practice record as "nothing recorded".
/// </summary>
public static class HolderNotFound
{
    /// <summary>The issue code.</summary>
    public const string Code = "SUPPLIER-NOT-FOUND";

    /// <summary>The warning naming the supplier and the organisation (ODS code); never the patient.</summary>
    public static Issue Warning(ISupplierAdapter adapter, OrganisationEndpoint organisation)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(organisation);
        return new Issue(
            Code,
            IssueSeverity.Warning,
            IssueType.NotFound,
            $"{SupplierCallRunner.SupplierLabel(adapter, organisation)} was listed as holding a record for this patient but answered that it has none; records held there, if any, are not included.");
    }
}
