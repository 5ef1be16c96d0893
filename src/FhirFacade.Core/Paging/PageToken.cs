namespace FhirFacade.Core.Paging;

/// <summary>What a paging link carries: the canonical query of the search, the page size and the offset.</summary>
/// <param name="ResourceType">The searched type.</param>
/// <param name="Query">The canonical query (<see cref="Search.SearchRequest.CanonicalQuery"/>).</param>
/// <param name="Count">The page size.</param>
/// <param name="Offset">The zero-based position of the page's first match.</param>
public sealed record PageToken(string ResourceType, string Query, int Count, int Offset);
