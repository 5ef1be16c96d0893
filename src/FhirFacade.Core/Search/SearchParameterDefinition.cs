namespace FhirFacade.Core.Search;

/// <summary>A search parameter the facade offers on a resource type.</summary>
/// <param name="ResourceType">The resource type searched.</param>
/// <param name="Name">The parameter name on the URL.</param>
/// <param name="Type">The FHIR search parameter type.</param>
/// <param name="Definition">The canonical URL of the SearchParameter that defines it (for the CapabilityStatement).</param>
/// <param name="Expression">The FHIRPath expression it searches (documentation, CapabilityStatement).</param>
/// <param name="Paths">Element paths from the resource root (choice elements without suffix) the gateway evaluates when a supplier cannot.</param>
/// <param name="Documentation">What it does, for the CapabilityStatement.</param>
public sealed record SearchParameterDefinition(
    string ResourceType,
    string Name,
    SearchParameterType Type,
    string Definition,
    string Expression,
    IReadOnlyList<string> Paths,
    string Documentation)
{
    /// <summary>The modifiers accepted on this parameter.</summary>
    public IReadOnlyList<SearchModifier> Modifiers => Type == SearchParameterType.String
        ? [SearchModifier.Exact, SearchModifier.Contains]
        : [];
}
