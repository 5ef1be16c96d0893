using System.Collections.Concurrent;
using FhirFacade.Fhir.Packages;
using FhirFacade.Fhir.Validation.Definitions;

namespace FhirFacade.Fhir.Validation.Schema;

/// <summary>
/// StructureDefinitions read straight from the loaded packages, as shipped: enough for definitions
/// that carry a snapshot (all of R4 core). Profiles published differential-only (UK Core) need a
/// snapshot-generating source instead.
/// </summary>
public sealed class PackageDefinitionSource : IStructureDefinitionSource
{
    private readonly IConformanceResolver _resolver;
    private readonly ConcurrentDictionary<string, StructureDefinition?> _definitions = new(StringComparer.Ordinal);

    public PackageDefinitionSource(IConformanceResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolver = resolver;
    }

    /// <inheritdoc />
    public StructureDefinition? Resolve(string canonical) => _definitions.GetOrAdd(canonical, Read);

    private StructureDefinition? Read(string canonical)
    {
        var json = _resolver.ResolveCanonical(canonical);
        if (json is not { } element
            || !element.TryGetProperty("resourceType", out var type)
            || !type.ValueEquals("StructureDefinition"))
        {
            return null;
        }

        var definition = StructureDefinitionReader.Read(element);
        return definition.HasSnapshot ? definition : null;
    }
}
