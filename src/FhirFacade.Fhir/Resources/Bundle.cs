using FhirFacade.Fhir.Conformance;

namespace FhirFacade.Fhir.Resources;

/// <summary>Helpers for building search result bundles (<see href="https://hl7.org/fhir/R4/http.html#search"/>).</summary>
public sealed partial class Bundle
{
    /// <summary>An empty <c>searchset</c> bundle; set <see cref="Total"/> when the number of matches is known.</summary>
    public static Bundle SearchSet(int? total = null) => new() { Type = BundleCodes.Searchset, Total = total };

    /// <summary>Adds a resource that matched the search (<c>search.mode = match</c>).</summary>
    /// <param name="resource">The matching resource.</param>
    /// <param name="fullUrl">Its absolute URL (<c>https://host/fhir/Patient/123</c>) or <c>urn:uuid:…</c>.</param>
    public EntryComponent AddSearchMatch(Resource resource, string? fullUrl) => AddSearchEntry(resource, fullUrl, BundleCodes.SearchModeMatch);

    /// <summary>Adds a resource included by <c>_include</c>/<c>_revinclude</c> (<c>search.mode = include</c>).</summary>
    public EntryComponent AddSearchInclude(Resource resource, string? fullUrl) => AddSearchEntry(resource, fullUrl, BundleCodes.SearchModeInclude);

    /// <summary>Adds an OperationOutcome about the search, e.g. a supplier that could not answer (<c>search.mode = outcome</c>).</summary>
    public EntryComponent AddSearchOutcome(OperationOutcome outcome, string? fullUrl = null) => AddSearchEntry(outcome, fullUrl, BundleCodes.SearchModeOutcome);

    /// <summary>Adds a paging or self link (<see cref="BundleCodes.LinkSelf"/>, <see cref="BundleCodes.LinkNext"/>…).</summary>
    public void AddLink(string relation, string url) => Link.Add(new LinkComponent { Relation = relation, Url = url });

    /// <summary>The entries' resources of a given type, in entry order.</summary>
    public IEnumerable<T> ResourcesOf<T>()
        where T : Resource => Entry.Select(e => e.Resource).OfType<T>();

    private EntryComponent AddSearchEntry(Resource resource, string? fullUrl, string mode)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var entry = new EntryComponent
        {
            FullUrl = fullUrl,
            Resource = resource,
            Search = new SearchComponent { Mode = mode },
        };
        Entry.Add(entry);
        return entry;
    }
}
