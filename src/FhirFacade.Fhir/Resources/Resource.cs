using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Resources;

/// <summary>Conversion of a typed resource to the kernel element model.</summary>
public abstract partial class Resource
{
    /// <summary>
    /// Builds the <see cref="ElementNode"/> tree of this resource for the validator, FHIRPath and the
    /// serializers: children in canonical order, each node carrying its <see cref="ElementNode.Type"/> and
    /// <see cref="ElementNode.Definition"/> from <paramref name="model"/>; choice elements named without
    /// suffix (<c>onset</c>) with <see cref="ElementNode.InstanceType"/> the chosen type (<c>dateTime</c>).
    /// Empty values are left out. Cheap: generated code, type definitions cached per model.
    /// </summary>
    /// <param name="model">The R4 model (<c>FhirModel</c>), shared for the whole process.</param>
    /// <exception cref="InvalidOperationException">
    /// When a choice element holds a type it does not allow, or the model lacks a type: programming errors, not bad data.
    /// </exception>
    public ElementNode ToElementNode(IFhirModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new NodeWriter(ModelTypeCache.For(model)).WriteRoot(this);
    }
}
