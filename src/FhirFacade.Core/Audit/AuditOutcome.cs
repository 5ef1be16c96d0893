namespace FhirFacade.Core.Audit;

/// <summary>The result of an audited request.</summary>
/// <param name="HttpStatus">The HTTP status code of the response.</param>
/// <param name="IssueCode">The FHIR issue code of the main OperationOutcome issue, if any (e.g. <c>not-found</c>).</param>
/// <param name="SpineCode">The NHS Spine error code, if any (e.g. <c>PATIENT_NOT_FOUND</c>).</param>
public sealed record AuditOutcome(int HttpStatus, string? IssueCode = null, string? SpineCode = null)
{
    /// <summary>True when the request succeeded (a 2xx or 3xx status).</summary>
    public bool Succeeded => HttpStatus is >= 200 and < 400;
}
