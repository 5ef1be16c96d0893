using FhirFacade.Fhir.Issues;

namespace FhirFacade.Fhir.Validation;

/// <summary>The outcome of validating one resource: the issues found (OperationOutcome-ready) and whether any is an error.</summary>
public sealed class ValidationResult
{
    public ValidationResult(IReadOnlyList<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        Issues = issues;
        IsValid = !issues.Any(i => i.IsError);
    }

    /// <summary>Every issue, errors, warnings and information, in the order found.</summary>
    public IReadOnlyList<Issue> Issues { get; }

    /// <summary><see langword="true"/> when no issue is an error (or fatal).</summary>
    public bool IsValid { get; }

    /// <summary>The error (and fatal) issues.</summary>
    public IEnumerable<Issue> Errors => Issues.Where(i => i.IsError);
}
