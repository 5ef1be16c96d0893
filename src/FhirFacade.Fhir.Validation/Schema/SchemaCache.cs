using System.Collections.Concurrent;
using FhirFacade.Fhir.Validation.Definitions;

namespace FhirFacade.Fhir.Validation.Schema;

/// <summary>
/// Compiled schemas cached by canonical: each StructureDefinition is compiled once, on first use,
/// by exactly one thread; later lookups are a dictionary read.
/// </summary>
internal sealed class SchemaCache : ISchemaProvider
{
    private readonly IStructureDefinitionResolver _source;
    private readonly SchemaCompiler _compiler;
    private readonly ConcurrentDictionary<string, Lazy<ElementSchema?>> _schemas = new(StringComparer.Ordinal);

    public SchemaCache(IStructureDefinitionResolver source, SchemaCompiler compiler)
    {
        _source = source;
        _compiler = compiler;
    }

    public int Count => _schemas.Count;

    public ElementSchema? ForCanonical(string canonical) =>
        _schemas.GetOrAdd(canonical, static (key, self) => new Lazy<ElementSchema?>(() => self.Compile(key)), this).Value;

    public ElementSchema? ForType(string typeName) => ForCanonical(SchemaCompiler.CoreProfilePrefix + typeName);

    private ElementSchema? Compile(string canonical)
    {
        var definition = _source.Resolve(canonical);
        return definition is { HasSnapshot: true } ? _compiler.Compile(definition) : null;
    }
}
