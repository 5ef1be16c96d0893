using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Issues;

/// <summary>
/// One problem found while reading, validating or serving FHIR data: the kernel's answer to bad
/// data, instead of an exception. Maps one-to-one onto an OperationOutcome <c>issue</c>
/// (<see href="https://hl7.org/fhir/R4/operationoutcome.html"/>).
/// </summary>
/// <param name="Code">A stable, documented code for the rule broken (<c>JSON101</c>, <c>XML004</c>, <c>VAL-CARD-MIN</c>…); tests and callers key on it.</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="Type">The FHIR issue type.</param>
/// <param name="Message">A message a person can act on; never contains exception text or patient data.</param>
/// <param name="Location">The FHIRPath location of the offending element (<c>Patient.name[0].given[1]</c>), when known.</param>
/// <param name="Position">Line and column in the source text, when known.</param>
public sealed record Issue(
    string Code,
    IssueSeverity Severity,
    IssueType Type,
    string Message,
    string? Location = null,
    SourcePosition? Position = null)
{
    /// <summary>A coded detail for <c>issue.details.coding</c>, such as an NHS Spine error code.</summary>
    public IssueDetail? Detail { get; init; }

    /// <summary>The invariant key (<c>ele-1</c>, <c>nhs-1</c>) or other constraint id, for validator issues.</summary>
    public string? ConstraintKey { get; init; }

    /// <summary><see langword="true"/> for <see cref="IssueSeverity.Error"/> and <see cref="IssueSeverity.Fatal"/>.</summary>
    public bool IsError => Severity >= IssueSeverity.Error;

    /// <inheritdoc />
    public override string ToString()
    {
        var where = Location is null ? string.Empty : $" at {Location}";
        var pos = Position is null ? string.Empty : $" ({Position})";
        return $"{Severity.ToCode()} {Code}{where}{pos}: {Message}";
    }
}

/// <summary>A coding for <c>OperationOutcome.issue.details</c> (system, code, display).</summary>
public sealed record IssueDetail(string System, string Code, string Display);
