namespace FhirFacade.Fhir.Conformance;

/// <summary>Codes for <c>Bundle.type</c>, <c>Bundle.entry.search.mode</c> and <c>Bundle.link.relation</c> (<see href="https://hl7.org/fhir/R4/bundle.html"/>).</summary>
public static class BundleCodes
{
    /// <summary><c>Bundle.type</c>: the result of a search.</summary>
    public const string Searchset = "searchset";

    /// <summary><c>Bundle.type</c>: a set of resources with no particular meaning.</summary>
    public const string Collection = "collection";

    /// <summary><c>Bundle.type</c>: a document.</summary>
    public const string Document = "document";

    /// <summary><c>Bundle.type</c>: a batch request.</summary>
    public const string Batch = "batch";

    /// <summary><c>Bundle.type</c>: the response to a batch.</summary>
    public const string BatchResponse = "batch-response";

    /// <summary><c>entry.search.mode</c>: the resource matched the search.</summary>
    public const string SearchModeMatch = "match";

    /// <summary><c>entry.search.mode</c>: the resource was included (<c>_include</c>).</summary>
    public const string SearchModeInclude = "include";

    /// <summary><c>entry.search.mode</c>: an OperationOutcome about the search.</summary>
    public const string SearchModeOutcome = "outcome";

    /// <summary><c>link.relation</c>: this page.</summary>
    public const string LinkSelf = "self";

    /// <summary><c>link.relation</c>: the next page.</summary>
    public const string LinkNext = "next";

    /// <summary><c>link.relation</c>: the previous page.</summary>
    public const string LinkPrevious = "previous";

    /// <summary><c>link.relation</c>: the first page.</summary>
    public const string LinkFirst = "first";

    /// <summary><c>link.relation</c>: the last page.</summary>
    public const string LinkLast = "last";
}
