using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Validation.Definitions;

namespace FhirFacade.Fhir.Validation.Snapshots;

/// <summary>The outcome of snapshot generation: the definition with its snapshot, and the problems found.</summary>
/// <param name="WithSnapshot">The input definition with <see cref="StructureDefinition.Snapshot"/> filled in.</param>
/// <param name="Issues">Problems with the definition; error-level ones mean the snapshot may be incomplete.</param>
public sealed record SnapshotResult(StructureDefinition WithSnapshot, IReadOnlyList<Issue> Issues)
{
    /// <summary><see langword="true"/> when no error-level issue was reported.</summary>
    public bool Succeeded => !Issues.Any(i => i.IsError);
}
