namespace FhirFacade.Fhir.Issues;

/// <summary>Wire codes for <see cref="IssueType"/> and <see cref="IssueSeverity"/>.</summary>
public static class IssueTypeCodes
{
    /// <summary>The FHIR code of an issue type, e.g. <c>not-found</c>, <c>code-invalid</c>.</summary>
    public static string ToCode(this IssueType type) => type switch
    {
        IssueType.Invalid => "invalid",
        IssueType.Structure => "structure",
        IssueType.Required => "required",
        IssueType.Value => "value",
        IssueType.Invariant => "invariant",
        IssueType.Security => "security",
        IssueType.Login => "login",
        IssueType.Unknown => "unknown",
        IssueType.Expired => "expired",
        IssueType.Forbidden => "forbidden",
        IssueType.Suppressed => "suppressed",
        IssueType.Processing => "processing",
        IssueType.NotSupported => "not-supported",
        IssueType.Duplicate => "duplicate",
        IssueType.MultipleMatches => "multiple-matches",
        IssueType.NotFound => "not-found",
        IssueType.Deleted => "deleted",
        IssueType.TooLong => "too-long",
        IssueType.CodeInvalid => "code-invalid",
        IssueType.Extension => "extension",
        IssueType.TooCostly => "too-costly",
        IssueType.BusinessRule => "business-rule",
        IssueType.Conflict => "conflict",
        IssueType.Transient => "transient",
        IssueType.LockError => "lock-error",
        IssueType.NoStore => "no-store",
        IssueType.Exception => "exception",
        IssueType.Timeout => "timeout",
        IssueType.Incomplete => "incomplete",
        IssueType.Throttled => "throttled",
        IssueType.Informational => "informational",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The FHIR code of a severity: <c>information</c>, <c>warning</c>, <c>error</c>, <c>fatal</c>.</summary>
    public static string ToCode(this IssueSeverity severity) => severity switch
    {
        IssueSeverity.Information => "information",
        IssueSeverity.Warning => "warning",
        IssueSeverity.Error => "error",
        IssueSeverity.Fatal => "fatal",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };
}
