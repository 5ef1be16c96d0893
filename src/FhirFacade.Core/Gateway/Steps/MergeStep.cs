using System.Collections.Immutable;
using FhirFacade.Core.Merging;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Gateway.Steps;

/// <summary>
/// Step 6 of a search, merge: the screened matches of every holder become one list (<see cref="ResourceMerger"/>:
/// de-duplicated, deterministic order), and what the merger reported is returned as the step's issues.
/// </summary>
internal static class MergeStep
{
    public static StepResult<IReadOnlyList<GatewayResource>> Run(ResourceMerger merger, ImmutableArray<GatewayResource> matches, ImmutableArray<SupplierResource> medications)
    {
        var issues = new List<Issue>();
        var merged = merger.Merge(matches, medications, issues);
        return new(merged, [.. issues]);
    }
}
