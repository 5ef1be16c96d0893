using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace FhirFacade.Core.Suppliers;

/// <summary>The registered adapters, by supplier id, and the resource types they serve together.</summary>
public sealed class SupplierAdapterRegistry
{
    private readonly FrozenDictionary<string, ISupplierAdapter> _bySupplier;

    public SupplierAdapterRegistry(IEnumerable<ISupplierAdapter> adapters)
    {
        _bySupplier = adapters.ToFrozenDictionary(a => a.SupplierId, StringComparer.OrdinalIgnoreCase);
        Adapters = [.. _bySupplier.Values.OrderBy(a => a.SupplierId, StringComparer.Ordinal)];
    }

    /// <summary>Every adapter, ordered by supplier id.</summary>
    public IReadOnlyList<ISupplierAdapter> Adapters { get; }

    /// <summary>Finds an adapter.</summary>
    public bool TryGet(string supplierId, [NotNullWhen(true)] out ISupplierAdapter? adapter) =>
        _bySupplier.TryGetValue(supplierId, out adapter);

    /// <summary><see langword="true"/> when some adapter serves <paramref name="resourceType"/> (for search, when <paramref name="search"/>).</summary>
    public bool Serves(string resourceType, bool search) =>
        Adapters.Any(a => a.Capabilities.Any(c => c.ResourceType == resourceType && (!search || c.Search)));

    /// <summary>The resource types served, ordered by name.</summary>
    public IReadOnlyList<string> ResourceTypes() =>
        [.. Adapters.SelectMany(a => a.Capabilities).Select(c => c.ResourceType).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
