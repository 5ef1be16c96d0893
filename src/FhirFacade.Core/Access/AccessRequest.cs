using FhirFacade.Core.Identity;
using FhirFacade.Core.Search;

namespace FhirFacade.Core.Access;

/// <summary>What a request wants, for the access policy to allow or refuse before any supplier is called.</summary>
/// <param name="Interaction"><c>read</c> or <c>search-type</c>.</param>
/// <param name="ResourceType">The resource type.</param>
/// <param name="Id">The decoded id of a read.</param>
/// <param name="Search">The parsed search.</param>
public sealed record AccessRequest(string Interaction, string ResourceType, FacadeResourceId? Id, SearchRequest? Search);
