using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Validation.Schema;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// The mutable state of one validation run: the issues found so far and the services compiled
/// validators need at run time (profiles resolved by canonical, terminology). One per call to
/// <see cref="FhirValidator.Validate"/>; never shared between threads.
/// </summary>
internal sealed class ValidationContext
{
    /// <summary>How deeply nested resources/profiles are followed before giving up.</summary>
    public const int MaxDepth = 64;

    public ValidationContext(ISchemaProvider schemas, IBindingTerminology terminology, List<Issue> issues)
    {
        Schemas = schemas;
        Terminology = terminology;
        Issues = issues;
    }

    public ISchemaProvider Schemas { get; }

    public IBindingTerminology Terminology { get; }

    public List<Issue> Issues { get; }

    /// <summary>Current nesting of resource/profile dispatches (guards against cycles in data).</summary>
    public int Depth { get; set; }

    public void Add(Issue issue) => Issues.Add(issue);

    public void Error(string code, IssueType type, string message, ElementNode node, string? constraintKey = null) =>
        Issues.Add(new Issue(code, IssueSeverity.Error, type, message, node.Location, node.Position) { ConstraintKey = constraintKey });

    public void Warning(string code, IssueType type, string message, ElementNode node, string? constraintKey = null) =>
        Issues.Add(new Issue(code, IssueSeverity.Warning, type, message, node.Location, node.Position) { ConstraintKey = constraintKey });

    public void Information(string code, IssueType type, string message, ElementNode node) =>
        Issues.Add(new Issue(code, IssueSeverity.Information, type, message, node.Location, node.Position));

    /// <summary>A context that collects into a fresh list (for "does it conform?" questions: slicing by profile, choice of profiles).</summary>
    public ValidationContext Fork() => new(Schemas, Terminology, []) { Depth = Depth };

    /// <summary><see langword="true"/> when any issue from <paramref name="start"/> on is an error.</summary>
    public bool HasErrorsSince(int start)
    {
        for (var i = start; i < Issues.Count; i++)
        {
            if (Issues[i].IsError)
            {
                return true;
            }
        }

        return false;
    }
}
