using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Resources;

/// <summary>
/// The <see cref="TypeDefinition"/>s the typed model needs, resolved once per type and model and then
/// reused, so converting a resource to an <see cref="ElementNode"/> costs a dictionary lookup per value.
/// </summary>
internal sealed class ModelTypeCache
{
    private static readonly ConditionalWeakTable<IFhirModel, ModelTypeCache> Caches = new();

    private readonly IFhirModel _model;
    private readonly ConcurrentDictionary<string, TypeDefinition?> _types = new(StringComparer.Ordinal);

    private ModelTypeCache(IFhirModel model)
    {
        _model = model;
    }

    public static ModelTypeCache For(IFhirModel model) => Caches.GetValue(model, static m => new ModelTypeCache(m));

    public TypeDefinition? Find(string typeCode) =>
        _types.TryGetValue(typeCode, out var type) ? type : _types.GetOrAdd(typeCode, _model.FindType(typeCode));
}
