using FhirFacade.Fhir.Issues;

namespace FhirFacade.Core.Gateway;

/// <summary>
/// Every match of a search across all holders (in deterministic order, before paging), the
/// resources matches may include, and the issues for the Bundle's OperationOutcome entry.
/// </summary>
/// <param name="Matches">All matches; the server pages them.</param>
/// <param name="Included">Candidates for <c>_include</c>; the server keeps those the page's matches reference.</param>
/// <param name="Issues">Partial results, withheld resources, unknown parameters…</param>
/// <param name="Suppliers">The supplier/organisation pairs consulted (<c>emis/A81001</c>), for audit.</param>
public sealed record GatewaySearchResult(
    IReadOnlyList<GatewayResource> Matches,
    IReadOnlyList<GatewayResource> Included,
    IReadOnlyList<Issue> Issues,
    IReadOnlyList<string> Suppliers);
