namespace FhirFacade.Fhir.Issues;

/// <summary>
/// OperationOutcome issue type (<see href="https://hl7.org/fhir/R4/valueset-issue-type.html"/>).
/// Use <see cref="IssueTypeCodes.ToCode(IssueType)"/> for the wire code.
/// </summary>
public enum IssueType
{
    Invalid,
    Structure,
    Required,
    Value,
    Invariant,
    Security,
    Login,
    Unknown,
    Expired,
    Forbidden,
    Suppressed,
    Processing,
    NotSupported,
    Duplicate,
    MultipleMatches,
    NotFound,
    Deleted,
    TooLong,
    CodeInvalid,
    Extension,
    TooCostly,
    BusinessRule,
    Conflict,
    Transient,
    LockError,
    NoStore,
    Exception,
    Timeout,
    Incomplete,
    Throttled,
    Informational,
}
