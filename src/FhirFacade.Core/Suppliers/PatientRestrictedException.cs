using FhirFacade.Core.Errors;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Suppliers;

/// <summary>
/// Thrown by an adapter when the supplier says the patient's record must not be shared at all:
/// the patient has dissented (403 <c>NO_PATIENT_CONSENT</c>) or is flagged sensitive (404
/// <c>PATIENT_NOT_FOUND</c>, so that a sensitive patient is indistinguishable from an unknown one).
/// It refuses the whole request — it is not a supplier failure to report beside partial results.
/// </summary>
public sealed class PatientRestrictedException : FacadeException
{
    private PatientRestrictedException(int statusCode, Issue issue)
        : base(statusCode, issue)
    {
    }

    /// <summary>
    /// Applies the safety rules of docs/domain.md to what a supplier says about a patient: sensitive (S-flag)
    /// refuses as 404 <c>PATIENT_NOT_FOUND</c>, dissent as 403 <c>NO_PATIENT_CONSENT</c>.
    /// </summary>
    public static void ThrowIfRestricted(bool sensitive, bool dissent)
    {
        if (sensitive)
        {
            throw Sensitive();
        }

        if (dissent)
        {
            throw Dissent();
        }
    }

    /// <summary>The patient has dissented from sharing their record.</summary>
    public static PatientRestrictedException Dissent() =>
        new(403, SpineIssue(SpineErrorCodes.NoPatientConsent, IssueType.Forbidden, "The patient has not consented to their record being shared."));

    /// <summary>The patient is flagged sensitive: answered exactly as a patient who does not exist.</summary>
    public static PatientRestrictedException Sensitive() =>
        new(404, SpineIssue(SpineErrorCodes.PatientNotFound, IssueType.NotFound, "Patient not found."));
}
