using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Serialization.Json;

/// <summary>
/// Every JSON property name a type accepts (choice names with each type suffix, and <c>_name</c> for
/// primitives), built once per <see cref="TypeDefinition"/> so that the parser resolves a property
/// with one span lookup and no allocation.
/// </summary>
internal sealed class JsonPropertyMap
{
    private static readonly ConditionalWeakTable<TypeDefinition, JsonPropertyMap> Cache = [];
    private readonly FrozenDictionary<string, JsonPropertyTarget> _targets;
    private readonly FrozenDictionary<string, JsonPropertyTarget>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private JsonPropertyMap(FrozenDictionary<string, JsonPropertyTarget> targets)
    {
        _targets = targets;
        _lookup = targets.GetAlternateLookup<ReadOnlySpan<char>>();
        Count = targets.Count;
    }

    /// <summary>The number of targets (for sizing duplicate-detection bit sets).</summary>
    public int Count { get; }

    public static JsonPropertyMap For(TypeDefinition type) => Cache.GetValue(type, Create);

    public JsonPropertyTarget? Find(ReadOnlySpan<char> name) => _lookup.TryGetValue(name, out var target) ? target : null;

    public JsonPropertyTarget? Find(string name) => _targets.GetValueOrDefault(name);

    private static JsonPropertyMap Create(TypeDefinition type)
    {
        var targets = new Dictionary<string, JsonPropertyTarget>(StringComparer.Ordinal);
        foreach (var child in type.Children)
        {
            if (child.IsChoice)
            {
                foreach (var code in child.TypeCodes)
                {
                    Add(targets, TypeDefinition.ChoiceName(child.Name, code), child, code);
                }
            }
            else
            {
                Add(targets, child.Name, child, child.TypeCodes.Count > 0 ? child.TypeCodes[0] : "Element");
            }
        }

        return new JsonPropertyMap(targets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static void Add(Dictionary<string, JsonPropertyTarget> targets, string name, ChildDefinition child, string code)
    {
        var value = new JsonPropertyTarget(targets.Count, name, child, code, isExtensionPart: false);
        targets[name] = value;
        if (value.IsPrimitive)
        {
            var extensionPart = new JsonPropertyTarget(targets.Count, "_" + name, child, code, isExtensionPart: true) { Partner = value };
            value.Partner = extensionPart;
            targets[extensionPart.SerializedName] = extensionPart;
        }
    }
}
