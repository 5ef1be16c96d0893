using FhirFacade.Core.Errors;
using FhirFacade.Core.Gateway;
using FhirFacade.Core.Paging;
using FhirFacade.Core.Search;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Issues;
using FhirFacade.Fhir.Model;
using FhirFacade.Fhir.Resources;
using FhirFacade.Server.Subsetting;

namespace FhirFacade.Server.Bundles;

/// <summary>
/// Builds one page of a <c>searchset</c> Bundle (<see href="https://hl7.org/fhir/R4/bundle.html#searchset"/>):
/// <c>total</c>, <c>self</c>/<c>next</c>/<c>previous</c> links (signed, stateless), one entry per match
/// (<c>search.mode=match</c>) with its absolute <c>fullUrl</c>, the page's <c>_include</c>d resources
/// (<c>include</c>), and one OperationOutcome (<c>outcome</c>) for everything the client should know:
/// unknown parameters ignored, suppliers that could not answer, withheld resources.
/// </summary>
public sealed class SearchBundleBuilder(IFhirModel model, PageTokenCodec pageTokens, ElementSubsetter subsetter)
{
    /// <summary>Builds the page of <paramref name="result"/> that <paramref name="request"/> asks for.</summary>
    /// <returns>The Bundle and how many resources (matches and includes) it carries.</returns>
    public SearchBundle Build(SearchRequest request, GatewaySearchResult result, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        var total = result.Matches.Count;
        var page = request.Summary == SummaryMode.Count
            ? []
            : result.Matches.Skip(request.Offset).Take(request.Count).ToList();
        var included = Included(request, page, result.Included);

        var bundle = Bundle.SearchSet(total);
        AddLinks(bundle, request, total, baseUrl);
        foreach (var match in page)
        {
            bundle.Entry.Add(Entry(baseUrl, match, BundleCodes.SearchModeMatch));
        }

        foreach (var include in included)
        {
            bundle.Entry.Add(Entry(baseUrl, include, BundleCodes.SearchModeInclude));
        }

        var issues = Issues(request, result);
        if (issues.Count > 0)
        {
            bundle.AddSearchOutcome(OperationOutcome.FromIssues(issues), "urn:uuid:" + Guid.NewGuid().ToString("D"));
        }

        // Only the Bundle's own elements go through the typed model; the resources are already element trees (mapped
        // and validated once) and are moved under their entries, in the order the entries were added.
        var node = bundle.ToElementNode(model);
        AttachAll(node, [.. page, .. included], subsetter, request.Summary, request.Elements);
        return new SearchBundle(node, page.Count + included.Count);
    }

    /// <summary>
    /// Moves each resource tree under the <c>entry</c> of the same position (the first <paramref name="resources"/>.Count
    /// entries of <paramref name="bundle"/>), after subsetting it for <c>_summary</c>/<c>_elements</c>.
    /// </summary>
    internal static void AttachAll(ElementNode bundle, IReadOnlyList<GatewayResource> resources, ElementSubsetter subsetter, SummaryMode summary, IReadOnlyList<string> elements)
    {
        var i = 0;
        foreach (var entry in bundle.ChildrenNamed("entry"))
        {
            if (i == resources.Count)
            {
                break;
            }

            var resource = resources[i++].Resource;
            subsetter.Apply(resource, summary, elements);
            Attach(entry, resource);
        }
    }

    /// <summary>Moves a resource root under a Bundle entry as its <c>resource</c> element (the tree is moved, not copied).</summary>
    internal static void Attach(ElementNode entry, ElementNode resource)
    {
        var nested = new ElementNode("resource", resource.InstanceType, resource.Type, entry.Type?.FindChild("resource"));
        resource.MoveChildrenTo(nested);
        entry.AddChild(nested);
    }

    private static Bundle.EntryComponent Entry(string baseUrl, GatewayResource resource, string mode) => new()
    {
        FullUrl = $"{baseUrl}/{resource.ResourceType}/{resource.Id}",
        Search = new Bundle.SearchComponent { Mode = mode },
    };

    private static List<GatewayResource> Included(SearchRequest request, List<GatewayResource> page, IReadOnlyList<GatewayResource> candidates)
    {
        if (!request.IncludesMedication || candidates.Count == 0)
        {
            return [];
        }

        var wanted = page
            .Select(m => m.Resource.Child("medication")?.Child("reference")?.Text)
            .Where(r => r is not null)
            .ToHashSet(StringComparer.Ordinal);
        return [.. candidates
            .Where(c => wanted.Contains(c.ResourceType + "/" + c.Id))
            .DistinctBy(c => c.Id, StringComparer.Ordinal)];
    }

    private static List<Issue> Issues(SearchRequest request, GatewaySearchResult result)
    {
        var issues = new List<Issue>();
        foreach (var unknown in request.UnknownParameters)
        {
            issues.Add(FacadeException.SpineIssue(
                SpineErrorCodes.NotImplemented,
                IssueType.NotSupported,
                $"The parameter '{Truncate(unknown)}' is not supported and was ignored.",
                IssueSeverity.Warning));
        }

        issues.AddRange(request.Issues);
        issues.AddRange(result.Issues);
        return issues;
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private void AddLinks(Bundle bundle, SearchRequest request, int total, string baseUrl)
    {
        var query = request.CanonicalQuery();
        var self = request.Offset == 0
            ? $"{baseUrl}/{request.ResourceType}?{(query.Length == 0 ? string.Empty : query + "&")}_count={request.Count}"
            : PageLink(request, query, request.Offset, baseUrl);
        bundle.AddLink(BundleCodes.LinkSelf, self);
        if (request.Summary != SummaryMode.Count && request.Count > 0 && request.Offset + request.Count < total)
        {
            bundle.AddLink(BundleCodes.LinkNext, PageLink(request, query, request.Offset + request.Count, baseUrl));
        }

        if (request.Offset > 0 && request.Count > 0)
        {
            bundle.AddLink(BundleCodes.LinkPrevious, PageLink(request, query, Math.Max(0, request.Offset - request.Count), baseUrl));
        }
    }

    private string PageLink(SearchRequest request, string query, int offset, string baseUrl) =>
        $"{baseUrl}/{request.ResourceType}?{SearchParameterNames.Page}={pageTokens.Encode(new PageToken(request.ResourceType, query, request.Count, offset))}";
}
