using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FhirFacade.Fhir.Tests.Resources;

/// <summary>
/// Generates the typed resource model (<c>src/FhirFacade.Fhir/Resources/Generated/*.cs</c>) from the
/// R4 core StructureDefinitions, read as plain JSON. See docs/adr/0003-typed-resource-model.md.
/// </summary>
/// <remarks>
/// The output is a pure function of the package files: types are visited in a fixed order and
/// elements in snapshot order, so the committed files can be compared byte for byte.
/// </remarks>
internal sealed class ResourceModelGenerator
{
    /// <summary>The resources the facade emits; every data type reachable from them is generated too.</summary>
    public static readonly IReadOnlyList<string> RootResources =
    [
        "Patient", "MedicationStatement", "Medication", "AllergyIntolerance", "Condition", "Organization",
        "Practitioner", "Bundle", "OperationOutcome", "CapabilityStatement", "AuditEvent", "Provenance",
        "Parameters", "List",
    ];

    private const string Namespace = "FhirFacade.Fhir.Resources";
    private const string SystemTypePrefix = "http://hl7.org/fhirpath/System.";
    private const string ExplicitTypeNameUrl = "http://hl7.org/fhir/StructureDefinition/structuredefinition-explicit-type-name";

    private static readonly HashSet<string> AbstractRoots = ["Element", "BackboneElement", "Resource", "DomainResource"];

    private readonly string _packageFolder;
    private readonly Dictionary<string, JsonElement> _definitions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, TypeModel> _types = new(StringComparer.Ordinal);

    public ResourceModelGenerator(string corePackageFolder)
    {
        _packageFolder = corePackageFolder;
    }

    /// <summary>Generates every file: file name (relative to the Generated folder) → content.</summary>
    public SortedDictionary<string, string> Generate()
    {
        var pending = new Queue<string>(AbstractRoots.Concat(RootResources));
        while (pending.Count > 0)
        {
            var name = pending.Dequeue();
            if (_types.ContainsKey(name))
            {
                continue;
            }

            var model = BuildType(name);
            _types.Add(name, model);
            foreach (var dependency in model.AllElements().SelectMany(e => e.TypeCodes).Where(IsGeneratedTypeCode))
            {
                pending.Enqueue(dependency);
            }

            if (model.BaseFhirType is { } baseType && !_types.ContainsKey(baseType))
            {
                pending.Enqueue(baseType);
            }
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in _types.Values)
        {
            files.Add(type.ClassName + ".cs", WriteType(type));
        }

        files.Add("ModelFactory.cs", WriteFactory());
        return files;
    }

    private static bool IsGeneratedTypeCode(string code) =>
        !code.StartsWith(SystemTypePrefix, StringComparison.Ordinal) && code is not "Resource" and not "BackboneElement" and not "Element";

    private JsonElement Definition(string typeName)
    {
        if (!_definitions.TryGetValue(typeName, out var definition))
        {
            var path = Path.Combine(_packageFolder, $"StructureDefinition-{typeName}.json");
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            definition = document.RootElement.Clone();
            _definitions.Add(typeName, definition);
        }

        return definition;
    }

    private TypeModel BuildType(string name)
    {
        var definition = Definition(name);
        var kind = definition.GetProperty("kind").GetString()!;
        var isAbstract = definition.TryGetProperty("abstract", out var abstractFlag) && abstractFlag.GetBoolean();
        var baseFhirType = definition.TryGetProperty("baseDefinition", out var baseDefinition)
            ? baseDefinition.GetString()![(baseDefinition.GetString()!.LastIndexOf('/') + 1)..]
            : null;

        var model = new TypeModel
        {
            FhirName = name,
            Kind = kind switch
            {
                "resource" => TypeModelKind.Resource,
                "primitive-type" => TypeModelKind.Primitive,
                _ => TypeModelKind.Complex,
            },
            IsAbstract = isAbstract,
            BaseFhirType = baseFhirType,
            Short = ShortOf(definition.GetProperty("snapshot").GetProperty("element")[0]),
        };

        model.ClassName = model.Kind == TypeModelKind.Primitive ? PrimitiveClassName(name) : name;
        model.CsBase = (name, model.Kind, baseFhirType) switch
        {
            ("Element", _, _) or ("Resource", _, _) => "Base",
            ("BackboneElement", _, _) => "Element",
            ("DomainResource", _, _) => "Resource",
            (_, TypeModelKind.Resource, _) => baseFhirType!,
            (_, TypeModelKind.Primitive, _) => "PrimitiveType",
            (_, _, "Element" or "BackboneElement") => "DataType",
            _ => baseFhirType!,
        };

        var elements = definition.GetProperty("snapshot").GetProperty("element").EnumerateArray()
            .Where(e => !e.TryGetProperty("sliceName", out _))
            .ToList();
        var inherited = InheritedElementNames(model.CsBase);
        model.Elements.AddRange(BuildElements(model, name, elements, inherited));
        return model;
    }

    private HashSet<string> InheritedElementNames(string csBase) => csBase switch
    {
        "Base" => [],
        "DataType" or "PrimitiveType" => ["id", "extension"],
        _ => [.. OwnAndInheritedNames(csBase)],
    };

    private IEnumerable<string> OwnAndInheritedNames(string fhirType)
    {
        var definition = Definition(fhirType);
        return definition.GetProperty("snapshot").GetProperty("element").EnumerateArray()
            .Select(e => e.GetProperty("path").GetString()!)
            .Where(p => p.Count(c => c == '.') == 1)
            .Select(p => p[(p.IndexOf('.') + 1)..].Replace("[x]", string.Empty, StringComparison.Ordinal));
    }

    private List<ElementModel> BuildElements(TypeModel owner, string parentPath, List<JsonElement> all, HashSet<string> skip)
    {
        var result = new List<ElementModel>();
        var prefix = parentPath + ".";
        foreach (var element in all)
        {
            var path = element.GetProperty("path").GetString()!;
            if (!path.StartsWith(prefix, StringComparison.Ordinal) || path.IndexOf('.', prefix.Length) >= 0)
            {
                continue;
            }

            var rawName = path[prefix.Length..];
            var name = rawName.Replace("[x]", string.Empty, StringComparison.Ordinal);
            if (skip.Contains(name))
            {
                continue;
            }

            if (owner.Kind == TypeModelKind.Primitive && name == "value")
            {
                owner.PrimitiveValuePath = path;
                continue;
            }

            var typeCodes = element.TryGetProperty("type", out var types)
                ? types.EnumerateArray().Select(t => t.GetProperty("code").GetString()!).ToList()
                : [];
            var max = element.GetProperty("max").GetString();
            var model = new ElementModel
            {
                Name = name,
                Path = path,
                IsList = max != "1" && max != "0",
                TypeCodes = typeCodes,
                Short = ShortOf(element),
            };

            if (element.TryGetProperty("contentReference", out var contentReference))
            {
                model.Kind = ElementModelKind.Component;
                model.ComponentPath = contentReference.GetString()!.TrimStart('#');
            }
            else if (rawName.EndsWith("[x]", StringComparison.Ordinal))
            {
                model.Kind = ElementModelKind.Choice;
            }
            else if (typeCodes is ["BackboneElement"] or ["Element"])
            {
                model.Kind = ElementModelKind.Component;
                model.ComponentPath = path;
                var component = new ComponentModel
                {
                    Path = path,
                    ClassName = ComponentClassName(element, name),
                    FhirTypeCode = typeCodes[0],
                    Short = model.Short,
                };
                var inherited = typeCodes[0] == "BackboneElement"
                    ? new HashSet<string>(["id", "extension", "modifierExtension"])
                    : new HashSet<string>(["id", "extension"]);
                component.Elements.AddRange(BuildElements(owner, path, all, inherited));
                var root = owner;
                if (root.Components.Any(c => c.ClassName == component.ClassName))
                {
                    throw new InvalidOperationException($"Two backbone elements of {owner.FhirName} would both be named {component.ClassName}.");
                }

                root.Components.Add(component);
            }
            else if (typeCodes is ["Resource"])
            {
                model.Kind = ElementModelKind.Resource;
            }
            else if (typeCodes.Count == 1 && typeCodes[0].StartsWith(SystemTypePrefix, StringComparison.Ordinal))
            {
                model.Kind = ElementModelKind.SystemString;
            }
            else if (typeCodes.Count == 1 && char.IsLower(typeCodes[0][0]))
            {
                model.Kind = ElementModelKind.Primitive;
            }
            else if (typeCodes.Count == 1)
            {
                model.Kind = ElementModelKind.Complex;
            }
            else
            {
                throw new InvalidOperationException($"Unsupported element shape at {path}.");
            }

            result.Add(model);
        }

        return result;
    }

    private static string ComponentClassName(JsonElement element, string name)
    {
        if (element.TryGetProperty("extension", out var extensions))
        {
            foreach (var extension in extensions.EnumerateArray())
            {
                if (extension.GetProperty("url").GetString() == ExplicitTypeNameUrl)
                {
                    return extension.GetProperty("valueString").GetString() + "Component";
                }
            }
        }

        return Pascal(name) + "Component";
    }

    private static string ShortOf(JsonElement element)
    {
        var text = element.TryGetProperty("short", out var shortText) ? shortText.GetString() ?? string.Empty : string.Empty;
        return text.TrimEnd('.', ' ')
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);
    }

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static string PrimitiveClassName(string fhirName) => "Fhir" + Pascal(fhirName);

    private static string PrimitiveCsType(string fhirName) => fhirName switch
    {
        "boolean" => "bool",
        "integer" or "positiveInt" or "unsignedInt" => "int",
        "decimal" => "decimal",
        _ => "string",
    };

    private static string ValueTypeDescription(string fhirName) => fhirName switch
    {
        "date" => " (FHIR lexical form <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>; see <see cref=\"FhirDates\"/>)",
        "dateTime" => " (FHIR lexical form, partial dates allowed; see <see cref=\"FhirDates\"/>)",
        "instant" => " (FHIR lexical form with seconds and time zone; see <see cref=\"FhirDates\"/>)",
        "time" => " (FHIR lexical form <c>hh:mm:ss</c>; see <see cref=\"FhirDates\"/>)",
        _ => string.Empty,
    };

    private string PropertyName(string className, string elementName)
    {
        var name = Pascal(elementName);
        return name == className ? name + "Value" : name;
    }

    private string ClassOf(string typeCode) => char.IsLower(typeCode[0]) ? PrimitiveClassName(typeCode) : typeCode;

    private string ComponentClass(TypeModel owner, string path) =>
        owner.Components.FirstOrDefault(c => c.Path == path)?.ClassName
        ?? throw new InvalidOperationException($"No backbone element {path} in {owner.FhirName}.");

    private string WriteType(TypeModel type)
    {
        var w = new CodeWriter();
        WriteHeader(w);
        var isBaseOfOther = _types.Values.Any(t => t.CsBase == type.ClassName);
        var modifiers = type.IsAbstract ? "abstract partial" : isBaseOfOther ? "partial" : "sealed partial";
        w.Summary(type.Short + (type.Kind == TypeModelKind.Primitive ? $" (FHIR <c>{type.FhirName}</c>)." : "."));
        w.Line($"public {modifiers} class {type.ClassName} : {type.CsBase}");
        w.Open();
        if (type.Kind == TypeModelKind.Primitive)
        {
            WritePrimitiveMembers(w, type);
        }
        else
        {
            var hidesBaseFactory = _types.TryGetValue(type.CsBase, out var baseType) && !baseType.IsAbstract;
            WriteMembers(w, type, type.ClassName, type.Elements, type.IsAbstract ? null : type.FhirName, !type.IsAbstract, hidesBaseFactory);
        }

        foreach (var component in type.Components)
        {
            w.Blank();
            w.Summary(component.Short + ".");
            w.Line($"public sealed partial class {component.ClassName} : {(component.FhirTypeCode == "BackboneElement" ? "BackboneElement" : "Element")}");
            w.Open();
            WriteMembers(w, type, component.ClassName, component.Elements, component.FhirTypeCode, true, false);
            w.Close();
        }

        w.Close();
        return w.ToString();
    }

    private static void WriteHeader(CodeWriter w)
    {
        w.Line("// <auto-generated>");
        w.Line("// Generated by ResourceModelGenerator (tests/FhirFacade.Fhir.Tests/Resources) from the");
        w.Line("// hl7.fhir.r4.core 4.0.1 StructureDefinitions. Do not edit: run the generator test with");
        w.Line("// FHIRFACADE_REGENERATE=1 instead. See docs/adr/0003-typed-resource-model.md.");
        w.Line("// </auto-generated>");
        w.Line("#nullable enable");
        w.Blank();
        w.Line("using FhirFacade.Fhir.Model;");
        w.Blank();
        w.Line($"namespace {Namespace};");
        w.Blank();
    }

    private void WritePrimitiveMembers(CodeWriter w, TypeModel type)
    {
        var cs = PrimitiveCsType(type.FhirName);
        var name = type.ClassName;
        w.Summary($"Creates an empty <c>{type.FhirName}</c> (for an element that carries only <c>id</c> or <c>extension</c>).");
        w.Line($"public {name}()");
        w.Open();
        w.Close();
        w.Blank();
        w.Summary($"Creates a <c>{type.FhirName}</c> with a value.");
        w.Line($"public {name}({cs}? value)");
        w.Open();
        w.Line("Value = value;");
        w.Close();
        w.Blank();
        w.Summary($"The value{ValueTypeDescription(type.FhirName)}.");
        w.Line($"public {cs}? Value {{ get; set; }}");
        w.Blank();
        w.Line($"/// <inheritdoc />");
        w.Line($"public override string TypeName => \"{type.FhirName}\";");
        w.Blank();
        w.Line("/// <inheritdoc />");
        w.Line("public override string? LexicalValue => " + cs switch
        {
            "bool" => "Value is null ? null : PrimitiveText.FromBoolean(Value.Value);",
            "int" => "Value is null ? null : PrimitiveText.FromInteger(Value.Value);",
            "decimal" => "Value is null ? null : PrimitiveText.FromDecimal(Value.Value);",
            _ => "Value;",
        });
        w.Blank();
        w.Summary("Reads a node written by the JSON/XML readers or by <c>ToElementNode</c>.");
        w.Line($"public static {name} FromElementNode(ElementNode node) => NodeReader.Read<{name}>(node);");
        w.Blank();
        w.Line($"internal static {name}? Update({name}? element, {cs}? value)");
        w.Open();
        w.Line("if (element is null)");
        w.Open();
        w.Line($"return value is null ? null : new {name}(value);");
        w.Close();
        w.Blank();
        w.Line("element.Value = value;");
        w.Line("return value is null && element.Id is null && element.Extension.Count == 0 ? null : element;");
        w.Close();
        w.Blank();
        w.Line("internal override void ReadText(string? text) => Value = " + cs switch
        {
            "bool" => "PrimitiveText.ToBoolean(text);",
            "int" => "PrimitiveText.ToInteger(text);",
            "decimal" => "PrimitiveText.ToDecimal(text);",
            _ => "text;",
        });
    }

    private void WriteMembers(CodeWriter w, TypeModel owner, string className, List<ElementModel> elements, string? typeName, bool concrete, bool hidesBaseFactory)
    {
        var first = true;
        void Separate()
        {
            if (!first)
            {
                w.Blank();
            }

            first = false;
        }

        foreach (var element in elements)
        {
            var property = PropertyName(className, element.Name);
            switch (element.Kind)
            {
                case ElementModelKind.SystemString:
                    Separate();
                    w.Summary(element.Short + ".");
                    w.Line($"public string? {property} {{ get; set; }}");
                    break;
                case ElementModelKind.Primitive when element.IsList:
                    Separate();
                    w.Summary(element.Short + $" (FHIR <c>{element.TypeCodes[0]}</c>; extensions on individual values are not kept).");
                    w.Line($"public List<{PrimitiveCsType(element.TypeCodes[0])}> {property} {{ get; set; }} = [];");
                    break;
                case ElementModelKind.Primitive:
                {
                    var wrapper = ClassOf(element.TypeCodes[0]);
                    var cs = PrimitiveCsType(element.TypeCodes[0]);
                    Separate();
                    w.Summary(element.Short + $" (FHIR <c>{element.TypeCodes[0]}</c>{ValueTypeDescription(element.TypeCodes[0])}).");
                    w.Line($"public {cs}? {property}");
                    w.Open();
                    w.Line($"get => {property}Element?.Value;");
                    w.Line($"set => {property}Element = {wrapper}.Update({property}Element, value);");
                    w.Close();
                    w.Blank();
                    w.Summary($"The <c>{element.Name}</c> element itself, to carry an <c>id</c> or extensions on the value; usually <see langword=\"null\"/>.");
                    w.Line($"public {wrapper}? {property}Element {{ get; set; }}");
                    break;
                }

                case ElementModelKind.Choice:
                    Separate();
                    w.Summary(element.Short + ". One of: " + string.Join(", ", element.TypeCodes.Select(c => $"<see cref=\"{ClassOf(c)}\"/>")) + ".");
                    w.Line($"public DataType? {property} {{ get; set; }}");
                    break;
                case ElementModelKind.Resource:
                    Separate();
                    w.Summary(element.Short + ".");
                    w.Line(element.IsList
                        ? $"public List<Resource> {property} {{ get; set; }} = [];"
                        : $"public Resource? {property} {{ get; set; }}");
                    break;
                case ElementModelKind.Complex or ElementModelKind.Component:
                {
                    var cls = element.Kind == ElementModelKind.Complex ? element.TypeCodes[0] : ComponentClass(owner, element.ComponentPath!);
                    Separate();
                    w.Summary(element.Short + ".");
                    w.Line(element.IsList
                        ? $"public List<{cls}> {property} {{ get; set; }} = [];"
                        : $"public {cls}? {property} {{ get; set; }}");
                    break;
                }

                default:
                    throw new InvalidOperationException(element.Kind.ToString());
            }
        }

        if (concrete)
        {
            Separate();
            w.Line("/// <inheritdoc />");
            w.Line($"public override string TypeName => \"{typeName}\";");
            w.Blank();
            w.Summary("Reads a node written by the JSON/XML readers or by <c>ToElementNode</c>; unknown elements are ignored.");
            w.Line($"public static {(hidesBaseFactory ? "new " : string.Empty)}{className} FromElementNode(ElementNode node) => NodeReader.Read<{className}>(node);");
        }

        if (elements.Count == 0)
        {
            return;
        }

        Separate();
        w.Line("internal override bool TryReadChild(ElementNode child)");
        w.Open();
        w.Line("switch (child.Name)");
        w.Open();
        foreach (var element in elements)
        {
            var property = PropertyName(className, element.Name);
            w.Line($"case \"{element.Name}\":");
            w.Indent();
            w.Line(element.Kind switch
            {
                ElementModelKind.SystemString => $"{property} = child.Text;",
                ElementModelKind.Primitive when element.IsList => $"NodeReader.AddValue({property}, child);",
                ElementModelKind.Primitive => $"{property}Element = NodeReader.Read<{ClassOf(element.TypeCodes[0])}>(child);",
                ElementModelKind.Choice => $"{property} = NodeReader.ReadDataType(child);",
                ElementModelKind.Resource when element.IsList => $"NodeReader.AddResource({property}, child);",
                ElementModelKind.Resource => $"{property} = NodeReader.ReadResource(child);",
                _ when element.IsList => $"{property}.Add(NodeReader.Read<{ElementClass(owner, element)}>(child));",
                _ => $"{property} = NodeReader.Read<{ElementClass(owner, element)}>(child);",
            });
            w.Line("return true;");
            w.Outdent();
        }

        w.Line("default:");
        w.Indent();
        w.Line("return base.TryReadChild(child);");
        w.Outdent();
        w.Close();
        w.Close();
        w.Blank();
        w.Line("internal override void WriteChildren(NodeWriter writer, ElementNode node)");
        w.Open();
        w.Line("base.WriteChildren(writer, node);");
        foreach (var element in elements)
        {
            var property = PropertyName(className, element.Name);
            w.Line(element.Kind switch
            {
                ElementModelKind.SystemString => $"writer.AddText(node, \"{element.Name}\", {property});",
                ElementModelKind.Primitive when element.IsList => $"writer.AddValues(node, \"{element.Name}\", {property});",
                ElementModelKind.Primitive => $"writer.Add(node, \"{element.Name}\", {property}Element);",
                ElementModelKind.Choice => $"writer.AddChoice(node, \"{element.Name}\", {property});",
                ElementModelKind.Resource when element.IsList => $"writer.AddResources(node, \"{element.Name}\", {property});",
                ElementModelKind.Resource => $"writer.AddResource(node, \"{element.Name}\", {property});",
                _ when element.IsList => $"writer.AddAll(node, \"{element.Name}\", {property});",
                _ => $"writer.Add(node, \"{element.Name}\", {property});",
            });
        }

        w.Close();
    }

    private string ElementClass(TypeModel owner, ElementModel element) =>
        element.Kind == ElementModelKind.Complex ? element.TypeCodes[0] : ComponentClass(owner, element.ComponentPath!);

    private string WriteFactory()
    {
        var w = new CodeWriter();
        WriteHeader(w);
        w.Summary("Creates typed objects for FHIR type names; used when reading choice values and nested resources.");
        w.Line("internal static class ModelFactory");
        w.Open();
        w.Summary("A new, empty data type (primitive or complex) for a FHIR type code, or <see langword=\"null\"/> when the type is not part of the typed model.");
        w.Line("public static DataType? CreateDataType(string typeCode) => typeCode switch");
        w.Open();
        foreach (var type in _types.Values.Where(t => t.Kind != TypeModelKind.Resource && !t.IsAbstract && t.CsBase != "Base"))
        {
            w.Line($"\"{type.FhirName}\" => new {type.ClassName}(),");
        }

        w.Line("_ => null,");
        w.Outdent();
        w.Line("};");
        w.Blank();
        w.Summary("A new, empty resource for a resource type name, or <see langword=\"null\"/> when the type is not part of the typed model.");
        w.Line("public static Resource? CreateResource(string resourceType) => resourceType switch");
        w.Open();
        foreach (var type in _types.Values.Where(t => t.Kind == TypeModelKind.Resource && !t.IsAbstract))
        {
            w.Line($"\"{type.FhirName}\" => new {type.ClassName}(),");
        }

        w.Line("_ => null,");
        w.Outdent();
        w.Line("};");
        w.Close();
        return w.ToString();
    }

    private enum TypeModelKind
    {
        Resource,
        Complex,
        Primitive,
    }

    private enum ElementModelKind
    {
        SystemString,
        Primitive,
        Complex,
        Choice,
        Resource,
        Component,
    }

    private sealed class TypeModel
    {
        public required string FhirName { get; init; }

        public string ClassName { get; set; } = string.Empty;

        public string CsBase { get; set; } = string.Empty;

        public required TypeModelKind Kind { get; init; }

        public required bool IsAbstract { get; init; }

        public string? BaseFhirType { get; init; }

        public required string Short { get; init; }

        public string? PrimitiveValuePath { get; set; }

        public List<ElementModel> Elements { get; } = [];

        public List<ComponentModel> Components { get; } = [];

        public IEnumerable<ElementModel> AllElements() => Elements.Concat(Components.SelectMany(c => c.Elements));
    }

    private sealed class ComponentModel
    {
        public required string Path { get; init; }

        public required string ClassName { get; init; }

        public required string FhirTypeCode { get; init; }

        public required string Short { get; init; }

        public List<ElementModel> Elements { get; } = [];
    }

    private sealed class ElementModel
    {
        public required string Name { get; init; }

        public required string Path { get; init; }

        public required bool IsList { get; init; }

        public required List<string> TypeCodes { get; init; }

        public required string Short { get; init; }

        public ElementModelKind Kind { get; set; }

        public string? ComponentPath { get; set; }
    }

    private sealed class CodeWriter
    {
        private readonly StringBuilder _text = new();
        private int _depth;

        public void Line(string line) => _text.Append(' ', _depth * 4).Append(line).Append('\n');

        public void Blank() => _text.Append('\n');

        public void Open()
        {
            Line("{");
            _depth++;
        }

        public void Close()
        {
            _depth--;
            Line("}");
        }

        public void Indent() => _depth++;

        public void Outdent() => _depth--;

        public void Summary(string text)
        {
            Line("/// <summary>" + EscapeDoc(text) + "</summary>");
        }

        public override string ToString() => _text.ToString();

        private static string EscapeDoc(string text)
        {
            // Text built by the generator may contain <c>/<see> markup; text from the package is escaped by the caller.
            return text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        }
    }
}
