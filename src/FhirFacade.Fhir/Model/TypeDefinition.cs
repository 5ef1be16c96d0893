using System.Collections.Frozen;

namespace FhirFacade.Fhir.Model;

/// <summary>
/// A FHIR type (resource, data type, primitive or anonymous backbone element) with its children in
/// canonical order, summarised from the R4 core StructureDefinitions. Built once by the model loader
/// and shared; immutable after construction.
/// </summary>
public sealed class TypeDefinition
{
    private FrozenDictionary<string, ChildDefinition> _byName = FrozenDictionary<string, ChildDefinition>.Empty;
    private IReadOnlyList<ChildDefinition> _children = [];

    /// <summary>Creates a type definition; children are attached once with <see cref="SetChildren"/>.</summary>
    public TypeDefinition(
        string name,
        TypeKind kind,
        string? baseTypeName,
        bool isAbstract,
        bool isBackbone,
        string? url,
        PrimitiveSystemType primitiveType = PrimitiveSystemType.None)
    {
        Name = name;
        Kind = kind;
        BaseTypeName = baseTypeName;
        IsAbstract = isAbstract;
        IsBackbone = isBackbone;
        Url = url;
        PrimitiveType = primitiveType;
    }

    /// <summary>
    /// The type name: <c>Patient</c>, <c>HumanName</c>, <c>string</c>; for an anonymous backbone
    /// element, its path (<c>Patient.contact</c>).
    /// </summary>
    public string Name { get; }

    /// <summary>The kind of type.</summary>
    public TypeKind Kind { get; }

    /// <summary>The base type name (<c>DomainResource</c>, <c>Element</c>, <c>BackboneElement</c>); <see langword="null"/> for <c>Base</c>-level roots.</summary>
    public string? BaseTypeName { get; }

    /// <summary><see langword="true"/> for abstract types (<c>Resource</c>, <c>DomainResource</c>, <c>Element</c>…).</summary>
    public bool IsAbstract { get; }

    /// <summary><see langword="true"/> for an anonymous nested type declared inline in a resource or data type.</summary>
    public bool IsBackbone { get; }

    /// <summary>The canonical URL of the defining StructureDefinition; <see langword="null"/> for backbone types.</summary>
    public string? Url { get; }

    /// <summary>For primitive types, the FHIRPath system type of the value; otherwise <see cref="PrimitiveSystemType.None"/>.</summary>
    public PrimitiveSystemType PrimitiveType { get; }

    /// <summary><see langword="true"/> for primitive types.</summary>
    public bool IsPrimitive => Kind == TypeKind.PrimitiveType;

    /// <summary><see langword="true"/> for resource types.</summary>
    public bool IsResource => Kind == TypeKind.Resource;

    /// <summary>The children in canonical order, inherited ones (<c>id</c>, <c>meta</c>, <c>extension</c>…) included.</summary>
    public IReadOnlyList<ChildDefinition> Children => _children;

    /// <summary>Finds a child by its element name (choice elements without suffix: <c>value</c>).</summary>
    public ChildDefinition? FindChild(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// Resolves a name as written in JSON or XML to a child: <c>valueQuantity</c> gives the choice
    /// child <c>value</c> and the type <c>Quantity</c>; a plain name gives the child and its single type.
    /// </summary>
    /// <param name="serializedName">The property or element name as it appears on the wire.</param>
    /// <param name="child">The child definition found.</param>
    /// <param name="typeCode">The FHIR type of the value (for a backbone child, <c>BackboneElement</c> or <c>Element</c>).</param>
    /// <returns><see langword="false"/> when no child has that name.</returns>
    public bool TryResolveSerializedName(string serializedName, out ChildDefinition child, out string typeCode)
    {
        if (_byName.TryGetValue(serializedName, out var direct) && !direct.IsChoice)
        {
            child = direct;
            typeCode = direct.TypeCodes.Count > 0 ? direct.TypeCodes[0] : "Element";
            return true;
        }

        foreach (var candidate in _children)
        {
            if (!candidate.IsChoice || !serializedName.StartsWith(candidate.Name, StringComparison.Ordinal))
            {
                continue;
            }

            var suffix = serializedName.AsSpan(candidate.Name.Length);
            foreach (var code in candidate.TypeCodes)
            {
                if (suffix.Length == code.Length
                    && char.ToUpperInvariant(code[0]) == suffix[0]
                    && suffix[1..].SequenceEqual(code.AsSpan(1)))
                {
                    child = candidate;
                    typeCode = code;
                    return true;
                }
            }
        }

        child = null!;
        typeCode = string.Empty;
        return false;
    }

    /// <summary>Attaches the children; called exactly once by the model loader.</summary>
    /// <exception cref="InvalidOperationException">When children were already set.</exception>
    public void SetChildren(IReadOnlyList<ChildDefinition> children)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (_children.Count > 0)
        {
            throw new InvalidOperationException($"Children of {Name} are already set.");
        }

        _children = children;
        _byName = children.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>The serialized name of a choice value of the given type: <c>value</c> + <c>Quantity</c> → <c>valueQuantity</c>.</summary>
    public static string ChoiceName(string elementName, string typeCode) =>
        string.Concat(elementName, char.ToUpperInvariant(typeCode[0]).ToString(), typeCode.AsSpan(1));

    /// <inheritdoc />
    public override string ToString() => Name;
}
