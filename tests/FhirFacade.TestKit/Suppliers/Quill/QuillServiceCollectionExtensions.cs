using FhirFacade.Core.Suppliers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FhirFacade.TestKit.Suppliers.Quill;

/// <summary>Registers Quill: the one call a host makes to add the supplier (docs/adding-a-supplier.md).</summary>
public static class QuillServiceCollectionExtensions
{
    /// <summary>
    /// Adds the Quill adapter over <paramref name="store"/>: the store, the client, Quill's code map keyed by its supplier
    /// id, and the <see cref="ISupplierAdapter"/>. Needs an <c>IFhirModel</c> and a <c>ResourceIdCodec</c> in the container.
    /// </summary>
    public static IServiceCollection AddQuillSupplier(this IServiceCollection services, QuillStore store)
    {
        services.AddSingleton(store);
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(QuillSupplierAdapter.SupplierKey, (_, _) => QuillTerminology.Load());
        return services.AddSupplierAdapter<QuillClient, QuillSupplierAdapter>();
    }
}
