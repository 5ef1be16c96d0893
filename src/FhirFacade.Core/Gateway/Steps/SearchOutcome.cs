using System.Collections.Immutable;
using FhirFacade.Core.Location;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Gateway.Steps;

/// <summary>
/// After the screen: whether the search has an answer at all. When no holder answered and some failed for a reason
/// other than a refusal to share, the whole search fails (502, 503 or 504, <see cref="SupplierCallRunner.AllFailed"/>);
/// a refusal is an answer, not a fault (docs/adr/0006-organisation-sharing-refusals.md). When nobody holds a record and
/// nothing was refused or failed, the answer says so (<c>LOCATE-NONE</c>).
/// </summary>
internal static class SearchOutcome
{
    /// <summary>The issue code when no reachable organisation holds a record for the patient.</summary>
    public const string NoneHeldCode = "LOCATE-NONE";

    /// <summary>Throws when the search has no answer; otherwise the issues the outcome adds (none, or <see cref="NoneHeldCode"/>).</summary>
    /// <param name="request">The search.</param>
    /// <param name="asked">How many holders were asked.</param>
    /// <param name="refused">How many holders were left out by sharing rules.</param>
    /// <param name="answered">How many holders answered.</param>
    /// <param name="failures">Every failure, the locator's first, then the holders'.</param>
    /// <param name="issues">Every issue raised so far, for the failure's OperationOutcome.</param>
    public static ImmutableArray<Issue> Check(SearchRequest request, int asked, int refused, int answered, IReadOnlyList<SupplierFailure> failures, IReadOnlyList<Issue> issues)
    {
        if (answered == 0 && failures.Any(f => f.Kind != SupplierFailureKind.Refused))
        {
            throw SupplierCallRunner.AllFailed(failures, issues);
        }

        return asked == 0 && refused == 0 && failures.Count == 0 && request.ResourceType != FhirResourceTypes.Patient && request.Patient is not null
            ? [new Issue(NoneHeldCode, IssueSeverity.Information, IssueType.NotFound, "No organisation the facade can reach holds a record for this patient.")]
            : [];
    }
}
