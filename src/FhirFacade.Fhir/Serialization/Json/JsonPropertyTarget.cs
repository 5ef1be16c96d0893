using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Serialization.Json;

/// <summary>
/// What one JSON property name means inside a given type: the child it fills, the FHIR type of the
/// value, and whether it is the <c>_name</c> (id/extension) half of a primitive.
/// </summary>
internal sealed class JsonPropertyTarget
{
    private TypeDefinition? _type;
    private volatile bool _resolved;

    public JsonPropertyTarget(int index, string serializedName, ChildDefinition child, string typeCode, bool isExtensionPart)
    {
        Index = index;
        SerializedName = serializedName;
        Child = child;
        TypeCode = typeCode;
        IsExtensionPart = isExtensionPart;

        // FHIR R4 primitive type names start lower-case, complex types and resources upper-case.
        IsPrimitive = child.BackboneType is null && typeCode.Length > 0 && char.IsAsciiLetterLower(typeCode[0]);
    }

    /// <summary>Position in the owning map; used for duplicate detection.</summary>
    public int Index { get; }

    /// <summary>The property name as written (<c>valueQuantity</c>, <c>_birthDate</c>).</summary>
    public string SerializedName { get; }

    public ChildDefinition Child { get; }

    public string TypeCode { get; }

    /// <summary><see langword="true"/> for a <c>_name</c> property.</summary>
    public bool IsExtensionPart { get; }

    public bool IsPrimitive { get; }

    /// <summary>The other half of a primitive (<c>name</c> ↔ <c>_name</c>); <see langword="null"/> for complex values.</summary>
    public JsonPropertyTarget? Partner { get; set; }

    /// <summary>The definition of the value's type (the backbone type for anonymous elements), resolved once.</summary>
    public TypeDefinition? ResolveType(IFhirModel model)
    {
        if (Child.BackboneType is { } backbone)
        {
            return backbone;
        }

        if (!_resolved)
        {
            _type = model.FindType(TypeCode);
            _resolved = true;
        }

        return _type;
    }
}
