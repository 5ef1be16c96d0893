using System.Collections.Concurrent;
using System.Text.Json;
using FhirFacade.Fhir.Packages;

namespace FhirFacade.Fhir.Model;

/// <summary>
/// The FHIR R4 type system built lazily from the core StructureDefinition snapshots found through an
/// <see cref="IConformanceResolver"/> (<c>http://hl7.org/fhir/StructureDefinition/{name}</c>).
/// Each type is built once, on first request, and shared; thread-safe.
/// </summary>
/// <remarks>
/// Only specializations are types: constraint profiles such as <c>SimpleQuantity</c> are not
/// (<see href="https://hl7.org/fhir/R4/structuredefinition.html"/>). Anonymous backbone elements are
/// types named by their path (<c>Patient.contact</c>), found through their owner.
/// </remarks>
public sealed class FhirModel : IFhirModel
{
    private readonly IConformanceResolver _resolver;
    private readonly ConcurrentDictionary<string, Lazy<TypeDefinition?>> _types = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TypeDefinition> _backbones = new(StringComparer.Ordinal);

    private FhirModel(IConformanceResolver resolver)
    {
        _resolver = resolver;
    }

    /// <summary>Creates a model over the StructureDefinitions of <paramref name="resolver"/> (which must include <c>hl7.fhir.r4.core</c>).</summary>
    public static FhirModel Create(IConformanceResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        return new FhirModel(resolver);
    }

    /// <summary>The resolver the model reads its StructureDefinitions from.</summary>
    public IConformanceResolver Resolver => _resolver;

    /// <inheritdoc />
    /// <remarks>A dotted name (<c>Patient.contact</c>) finds an anonymous backbone type.</remarks>
    public TypeDefinition? FindType(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        if (typeName.Contains('.', StringComparison.Ordinal))
        {
            return FindBackbone(typeName);
        }

        return _types.GetOrAdd(typeName, static (name, model) => new Lazy<TypeDefinition?>(
            () => model.Build(name), LazyThreadSafetyMode.ExecutionAndPublication), this).Value;
    }

    /// <inheritdoc />
    public bool IsSubtypeOf(string typeName, string ancestorTypeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(ancestorTypeName);
        var current = typeName;
        for (var guard = 0; current is not null && guard < 32; guard++)
        {
            if (string.Equals(current, ancestorTypeName, StringComparison.Ordinal))
            {
                return true;
            }

            current = FindType(current)?.BaseTypeName;
        }

        return false;
    }

    private TypeDefinition? FindBackbone(string path)
    {
        if (_backbones.TryGetValue(path, out var backbone))
        {
            return backbone;
        }

        var owner = path[..path.IndexOf('.', StringComparison.Ordinal)];
        return FindType(owner) is null ? null : _backbones.GetValueOrDefault(path);
    }

    private TypeDefinition? Build(string typeName)
    {
        var sd = _resolver.ResolveCanonical(FhirModelConstants.CoreStructureDefinitionBase + typeName);
        if (sd is not { ValueKind: JsonValueKind.Object } definition
            || GetString(definition, "derivation") == "constraint"
            || !definition.TryGetProperty("snapshot", out var snapshot)
            || !snapshot.TryGetProperty("element", out var elements)
            || elements.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var kind = GetString(definition, "kind") switch
        {
            "primitive-type" => TypeKind.PrimitiveType,
            "resource" => TypeKind.Resource,
            "logical" => TypeKind.Logical,
            _ => TypeKind.ComplexType,
        };
        var isAbstract = definition.TryGetProperty("abstract", out var abs) && abs.ValueKind == JsonValueKind.True;
        var baseDefinition = GetString(definition, "baseDefinition");
        var baseTypeName = baseDefinition is null ? null : baseDefinition[(baseDefinition.LastIndexOf('/') + 1)..];
        var primitive = kind == TypeKind.PrimitiveType ? FhirModelConstants.SystemTypeOf(typeName) : PrimitiveSystemType.None;
        var type = new TypeDefinition(typeName, kind, baseTypeName, isAbstract, isBackbone: false, GetString(definition, "url"), primitive);
        new SnapshotReader(this, type, elements).Read();
        return type;
    }

    private static string? GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Turns one snapshot into the children of the root type and its backbone types.</summary>
    private sealed class SnapshotReader
    {
        private readonly FhirModel _model;
        private readonly TypeDefinition _root;
        private readonly List<(string Path, JsonElement Element)> _elements = [];
        private readonly Dictionary<string, TypeDefinition> _backbones = new(StringComparer.Ordinal);
        private readonly Dictionary<string, JsonElement> _byPath = new(StringComparer.Ordinal);

        public SnapshotReader(FhirModel model, TypeDefinition root, JsonElement elements)
        {
            _model = model;
            _root = root;
            foreach (var element in elements.EnumerateArray())
            {
                var path = GetString(element, "path");
                if (path is null || element.TryGetProperty("sliceName", out _))
                {
                    continue;
                }

                _elements.Add((path, element));
                _byPath.TryAdd(path, element);
            }
        }

        public void Read()
        {
            // Pass 1: every element with children of its own is an anonymous backbone type, created
            // before any children are attached so that contentReferences can point anywhere.
            for (var i = 1; i < _elements.Count; i++)
            {
                var path = _elements[i].Path;
                if (i + 1 < _elements.Count && IsChildPath(_elements[i + 1].Path, path))
                {
                    var codes = ReadTypeCodes(_elements[i].Element);
                    var baseType = codes.Count > 0 ? codes[0] : FhirModelConstants.BackboneElement;
                    _backbones[path] = new TypeDefinition(StripChoice(path), TypeKind.ComplexType, baseType, false, true, null);
                }
            }

            // Pass 2: children grouped by parent path, in snapshot order.
            var childrenByParent = new Dictionary<string, List<ChildDefinition>>(StringComparer.Ordinal);
            var rootPath = _elements.Count > 0 ? _elements[0].Path : _root.Name;
            for (var i = 1; i < _elements.Count; i++)
            {
                var (path, element) = _elements[i];
                var dot = path.LastIndexOf('.');
                if (dot < 0)
                {
                    continue;
                }

                var parentPath = path[..dot];
                var rawName = path[(dot + 1)..];
                if (_root.IsPrimitive && parentPath == rootPath && rawName == FhirModelConstants.PrimitiveValueElement)
                {
                    continue;
                }

                if (!childrenByParent.TryGetValue(parentPath, out var siblings))
                {
                    childrenByParent[parentPath] = siblings = [];
                }

                siblings.Add(CreateChild(path, rawName, element, siblings.Count));
            }

            _root.SetChildren(childrenByParent.GetValueOrDefault(rootPath) ?? []);
            foreach (var (path, backbone) in _backbones)
            {
                backbone.SetChildren(childrenByParent.GetValueOrDefault(path) ?? []);
                _model._backbones.TryAdd(backbone.Name, backbone);
            }
        }

        private ChildDefinition CreateChild(string path, string rawName, JsonElement element, int order)
        {
            var isChoice = rawName.EndsWith(FhirModelConstants.ChoiceSuffix, StringComparison.Ordinal);
            var name = isChoice ? rawName[..^FhirModelConstants.ChoiceSuffix.Length] : rawName;
            var min = element.TryGetProperty("min", out var minElement) && minElement.ValueKind == JsonValueKind.Number ? minElement.GetInt32() : 0;
            var maxText = GetString(element, "max");
            int? max = maxText is null or "*" ? null : int.Parse(maxText, System.Globalization.CultureInfo.InvariantCulture);
            var inSummary = element.TryGetProperty("isSummary", out var summary) && summary.ValueKind == JsonValueKind.True;
            var isModifier = element.TryGetProperty("isModifier", out var modifier) && modifier.ValueKind == JsonValueKind.True;
            var isXmlAttribute = false;
            if (element.TryGetProperty("representation", out var representation) && representation.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in representation.EnumerateArray())
                {
                    isXmlAttribute |= item.ValueKind == JsonValueKind.String && item.ValueEquals(FhirModelConstants.XmlAttributeRepresentation);
                }
            }

            IReadOnlyList<string> typeCodes;
            TypeDefinition? backbone;
            var contentReference = GetString(element, "contentReference");
            if (contentReference is not null)
            {
                var target = contentReference.TrimStart('#');
                backbone = _backbones.GetValueOrDefault(target)
                    ?? throw new InvalidOperationException($"contentReference '{contentReference}' of {path} does not point to a backbone element.");
                typeCodes = _byPath.TryGetValue(target, out var targetElement) ? ReadTypeCodes(targetElement) : [FhirModelConstants.BackboneElement];
            }
            else
            {
                typeCodes = ReadTypeCodes(element);
                backbone = _backbones.GetValueOrDefault(path);
            }

            return new ChildDefinition(name, path, order, typeCodes, min, max, isChoice, inSummary, isModifier, isXmlAttribute, backbone);
        }

        private static bool IsChildPath(string candidate, string parent) =>
            candidate.Length > parent.Length + 1 && candidate[parent.Length] == '.' && candidate.StartsWith(parent, StringComparison.Ordinal);

        private static string StripChoice(string path) =>
            path.EndsWith(FhirModelConstants.ChoiceSuffix, StringComparison.Ordinal) ? path[..^FhirModelConstants.ChoiceSuffix.Length] : path;

        private static List<string> ReadTypeCodes(JsonElement element)
        {
            var codes = new List<string>();
            if (!element.TryGetProperty("type", out var types) || types.ValueKind != JsonValueKind.Array)
            {
                return codes;
            }

            foreach (var type in types.EnumerateArray())
            {
                var code = GetString(type, "code");
                if (code is null)
                {
                    continue;
                }

                if (code.StartsWith(FhirModelConstants.SystemTypePrefix, StringComparison.Ordinal))
                {
                    code = FhirTypeExtension(type) ?? FhirModelConstants.FhirTypeOfSystemType(code);
                }

                if (!codes.Contains(code))
                {
                    codes.Add(code);
                }
            }

            return codes;
        }

        private static string? FhirTypeExtension(JsonElement type)
        {
            if (!type.TryGetProperty("extension", out var extensions) || extensions.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var extension in extensions.EnumerateArray())
            {
                if (GetString(extension, "url") == FhirModelConstants.FhirTypeExtensionUrl)
                {
                    return GetString(extension, "valueUrl") ?? GetString(extension, "valueUri");
                }
            }

            return null;
        }
    }
}
