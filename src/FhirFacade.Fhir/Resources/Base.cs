using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Resources;

/// <summary>
/// The root of the typed resource model: every resource, data type, primitive and backbone
/// element derives from it. Instances are plain mutable objects built by mappers with object
/// initialisers and converted to the kernel's <see cref="ElementNode"/> tree for validation and
/// serialization (see docs/adr/0003-typed-resource-model.md).
/// </summary>
/// <remarks>
/// Conversion code is generated straight-line code (no reflection). A tree of typed objects is not
/// thread-safe while it is being built; once built it can be converted from several threads.
/// </remarks>
public abstract class Base
{
    private protected Base()
    {
    }

    /// <summary>
    /// The FHIR type code of the value: <c>Patient</c>, <c>HumanName</c>, <c>dateTime</c>; for a
    /// backbone element, <c>BackboneElement</c> or <c>Element</c>. Choice elements use it as the type suffix.
    /// </summary>
    public abstract string TypeName { get; }

    /// <summary>Reads a primitive's lexical value; complex types ignore it.</summary>
    internal virtual void ReadText(string? text)
    {
    }

    /// <summary>Reads one child node into the matching property; <see langword="false"/> when the child is unknown (it is then ignored).</summary>
    internal virtual bool TryReadChild(ElementNode child) => false;

    /// <summary>Writes the children (and, for primitives, the text) in canonical order: inherited elements first.</summary>
    internal virtual void WriteChildren(NodeWriter writer, ElementNode node)
    {
    }
}
