using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Core.Gateway;

/// <summary>A resource the gateway will return, with where it came from.</summary>
public sealed record GatewayResource(SupplierResource Source, string Supplier, string Organisation)
{
    public string ResourceType => Source.ResourceType;

    public ElementNode Resource => Source.Resource;

    /// <summary>The resource's facade id (its <c>id</c> element).</summary>
    public string? Id => Source.Resource.Child("id")?.Text;

    /// <summary>The native version, for <c>ETag</c>.</summary>
    public string? Version => Source.Version;
}
