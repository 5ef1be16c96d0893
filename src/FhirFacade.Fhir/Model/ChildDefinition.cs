namespace FhirFacade.Fhir.Model;

/// <summary>
/// One child element of a FHIR type, summarised from the base R4 StructureDefinition's snapshot
/// (<see href="https://hl7.org/fhir/R4/elementdefinition.html"/>). It is what a parser, a serializer
/// and the FHIRPath engine need to know about an element: its name, whether it repeats, which types
/// it may hold and where it sits in canonical order.
/// </summary>
/// <remarks>Immutable once the owning <see cref="TypeDefinition"/> is built; safe to share across threads.</remarks>
public sealed class ChildDefinition
{
    /// <summary>Creates a child definition. Used by the model loader; mappers never call this.</summary>
    public ChildDefinition(
        string name,
        string path,
        int order,
        IReadOnlyList<string> typeCodes,
        int min,
        int? max,
        bool isChoice,
        bool inSummary,
        bool isModifier,
        bool isXmlAttribute,
        TypeDefinition? backboneType)
    {
        Name = name;
        Path = path;
        Order = order;
        TypeCodes = typeCodes;
        Min = min;
        Max = max;
        IsChoice = isChoice;
        InSummary = inSummary;
        IsModifier = isModifier;
        IsXmlAttribute = isXmlAttribute;
        BackboneType = backboneType;
    }

    /// <summary>The element name without any choice suffix: <c>value</c> for <c>Observation.value[x]</c>.</summary>
    public string Name { get; }

    /// <summary>The element path in the base definition, e.g. <c>Observation.value[x]</c>.</summary>
    public string Path { get; }

    /// <summary>Position in the parent's canonical (StructureDefinition) order; serializers write children in this order.</summary>
    public int Order { get; }

    /// <summary>
    /// The FHIR type codes the element may hold: one for most elements, several for a choice
    /// (<c>[x]</c>) element, <c>BackboneElement</c>/<c>Element</c> for anonymous nested types,
    /// <c>Resource</c> for a nested resource (contained, <c>Bundle.entry.resource</c>).
    /// </summary>
    public IReadOnlyList<string> TypeCodes { get; }

    /// <summary>Minimum cardinality in the base definition.</summary>
    public int Min { get; }

    /// <summary>Maximum cardinality; <see langword="null"/> for <c>*</c>.</summary>
    public int? Max { get; }

    /// <summary><see langword="true"/> when the element repeats (max is not 1): an array in JSON.</summary>
    public bool IsCollection => Max is null or > 1;

    /// <summary><see langword="true"/> for a choice element (<c>value[x]</c>); its JSON/XML name carries the type suffix.</summary>
    public bool IsChoice { get; }

    /// <summary><see langword="true"/> when the element is part of <c>_summary=true</c>.</summary>
    public bool InSummary { get; }

    /// <summary><see langword="true"/> for a modifier element (<c>isModifier</c>).</summary>
    public bool IsModifier { get; }

    /// <summary><see langword="true"/> for elements written as XML attributes: <c>Element.id</c>, <c>Extension.url</c>.</summary>
    public bool IsXmlAttribute { get; }

    /// <summary><see langword="true"/> when the element holds a nested resource (type <c>Resource</c>).</summary>
    public bool IsResourceContainer => TypeCodes.Count == 1 && TypeCodes[0] == "Resource";

    /// <summary>
    /// For an anonymous nested type (a BackboneElement or Element with children of its own, or a
    /// <c>contentReference</c> to one), its definition; otherwise <see langword="null"/> and the
    /// child's type is looked up by <see cref="TypeCodes"/>.
    /// </summary>
    public TypeDefinition? BackboneType { get; }

    /// <inheritdoc />
    public override string ToString() => Path;
}
