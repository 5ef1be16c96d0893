using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Errors;

/// <summary>
/// A failure at the request boundary that the caller should see as an OperationOutcome with a
/// specific HTTP status. The status lives on the exception (no central switch); the server's one
/// exception handler writes <see cref="Issues"/> as the OperationOutcome. The message and issues
/// must never contain exception text from elsewhere or supplier payloads.
/// </summary>
public class FacadeException : Exception
{
    public FacadeException(int statusCode, IReadOnlyList<Issue> issues)
        : base(issues.Count > 0 ? issues[0].Message : "Request failed.")
    {
        StatusCode = statusCode;
        Issues = issues;
    }

    public FacadeException(int statusCode, Issue issue)
        : this(statusCode, [issue])
    {
    }

    public FacadeException()
        : this(500, [])
    {
    }

    public FacadeException(string message)
        : this(500, [new Issue("FACADE500", IssueSeverity.Error, IssueType.Exception, message)])
    {
    }

    public FacadeException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 500;
        Issues = [new Issue("FACADE500", IssueSeverity.Error, IssueType.Exception, message)];
    }

    /// <summary>The HTTP status to answer with.</summary>
    public int StatusCode { get; }

    /// <summary>The issues for the OperationOutcome, most important first.</summary>
    public IReadOnlyList<Issue> Issues { get; }

    /// <summary>Extra response headers (e.g. <c>WWW-Authenticate</c>, <c>Retry-After</c>).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>An issue carrying an NHS Spine code in <c>details.coding</c>.</summary>
    public static Issue SpineIssue(string spineCode, IssueType type, string message, IssueSeverity severity = IssueSeverity.Error, string? location = null) =>
        new("SPINE-" + spineCode, severity, type, message, location)
        {
            Detail = new IssueDetail(SpineErrorCodes.System, spineCode, SpineErrorCodes.Display(spineCode)),
        };

    /// <summary>400, <c>invalid</c>, <c>BAD_REQUEST</c>.</summary>
    public static FacadeException BadRequest(string message, string? location = null) =>
        new(400, SpineIssue(SpineErrorCodes.BadRequest, IssueType.Invalid, message, location: location));

    /// <summary>404, <c>not-found</c>, <c>PATIENT_NOT_FOUND</c> (also used for sensitive patients).</summary>
    public static FacadeException PatientNotFound(string message = "Patient not found.") =>
        new(404, SpineIssue(SpineErrorCodes.PatientNotFound, IssueType.NotFound, message));

    /// <summary>404, <c>not-found</c>, <c>NO_RECORD_FOUND</c>.</summary>
    public static FacadeException NoRecordFound(string message) =>
        new(404, SpineIssue(SpineErrorCodes.NoRecordFound, IssueType.NotFound, message));

    /// <summary>403, <c>forbidden</c>, with the given Spine code.</summary>
    public static FacadeException Forbidden(string spineCode, string message) =>
        new(403, SpineIssue(spineCode, IssueType.Forbidden, message));

    /// <summary>401, <c>login</c>, with an RFC 6750 <c>WWW-Authenticate</c> challenge.</summary>
    public static FacadeException Unauthorized(string message, string challenge)
    {
        var exception = new FacadeException(401, new Issue("AUTH401", IssueSeverity.Error, IssueType.Login, message));
        exception.Headers["WWW-Authenticate"] = challenge;
        return exception;
    }
}
