using System.Collections.Frozen;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Fhir.Resources;

/// <summary>
/// Conversion between the kernel's <see cref="Issue"/> and OperationOutcome issues
/// (<see href="https://hl7.org/fhir/R4/operationoutcome.html"/>).
/// </summary>
/// <remarks>
/// One issue maps as follows: <c>severity</c> and <c>code</c> from <see cref="Issue.Severity"/> and
/// <see cref="Issue.Type"/>; <c>details.coding</c> from <see cref="Issue.Detail"/> (the NHS Spine code, when
/// there is one); <c>details.text</c> from <see cref="Issue.Message"/>; <c>diagnostics</c> from the stable
/// kernel code <see cref="Issue.Code"/> (<c>JSON101</c>, <c>VAL-CARD-MIN</c>); <c>expression</c> from
/// <see cref="Issue.Location"/>; the constraint key (<c>ele-1</c>) in the R4 core extension
/// <see cref="FhirSystems.OperationOutcomeIssueSourceExtension"/>. <see cref="Issue.Position"/> is not written.
/// </remarks>
public sealed partial class OperationOutcome
{
    private static readonly FrozenDictionary<string, IssueType> TypesByCode =
        Enum.GetValues<IssueType>().ToFrozenDictionary(t => t.ToCode(), StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, IssueSeverity> SeveritiesByCode =
        Enum.GetValues<IssueSeverity>().ToFrozenDictionary(s => s.ToCode(), StringComparer.Ordinal);

    /// <summary>An OperationOutcome with one issue per kernel issue, in order.</summary>
    public static OperationOutcome FromIssues(IEnumerable<Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        var outcome = new OperationOutcome();
        outcome.Issue.AddRange(issues.Select(IssueComponent.FromIssue));
        return outcome;
    }

    /// <summary>
    /// The issues as kernel issues. Unknown severity or type codes read as <c>error</c> and
    /// <c>processing</c>; a missing kernel code reads as the empty string.
    /// </summary>
    public IReadOnlyList<Issue> ToIssues() => Issue.Select(i => i.ToIssue()).ToList();

    /// <summary>Kernel issue conversion for one <c>OperationOutcome.issue</c>.</summary>
    public sealed partial class IssueComponent
    {
        /// <summary>Converts a kernel issue; see <see cref="OperationOutcome"/> for the mapping.</summary>
        public static IssueComponent FromIssue(Issue issue)
        {
            ArgumentNullException.ThrowIfNull(issue);
            var details = new CodeableConcept { Text = issue.Message };
            if (issue.Detail is { } detail)
            {
                details.Coding.Add(new Coding(detail.System, detail.Code, detail.Display));
            }

            var component = new IssueComponent
            {
                Severity = issue.Severity.ToCode(),
                Code = issue.Type.ToCode(),
                Details = details,
                Diagnostics = issue.Code,
            };
            if (issue.Location is not null)
            {
                component.Expression.Add(issue.Location);
            }

            if (issue.ConstraintKey is not null)
            {
                component.Extension.Add(new Extension(FhirSystems.OperationOutcomeIssueSourceExtension, new FhirString(issue.ConstraintKey)));
            }

            return component;
        }

        /// <summary>Converts back to a kernel issue; see <see cref="OperationOutcome"/> for the mapping.</summary>
        public Issue ToIssue()
        {
            var coding = Details?.Coding.Find(c => c.System is not null && c.Code is not null);
            var constraintKey = GetExtension(FhirSystems.OperationOutcomeIssueSourceExtension)?.Value as FhirString;
            return new Issue(
                Diagnostics ?? string.Empty,
                Severity is not null && SeveritiesByCode.TryGetValue(Severity, out var severity) ? severity : IssueSeverity.Error,
                Code is not null && TypesByCode.TryGetValue(Code, out var type) ? type : IssueType.Processing,
                Details?.Text ?? string.Empty,
                Expression.Count > 0 ? Expression[0] : Location.Count > 0 ? Location[0] : null)
            {
                Detail = coding is null ? null : new IssueDetail(coding.System!, coding.Code!, coding.Display ?? string.Empty),
                ConstraintKey = constraintKey?.Value,
            };
        }
    }
}
