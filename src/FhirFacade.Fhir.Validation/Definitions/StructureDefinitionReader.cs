using System.Text.Json;

namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>
/// Reads a StructureDefinition from FHIR JSON into the typed <see cref="StructureDefinition"/> model.
/// Lenient: unknown properties are ignored and unrecognised codes fall back to their defaults.
/// </summary>
public static class StructureDefinitionReader
{
    private const string ChoiceFixed = "fixed";
    private const string ChoicePattern = "pattern";
    private const string ChoiceDefault = "defaultValue";
    private const string ChoiceMin = "minValue";
    private const string ChoiceMax = "maxValue";

    /// <summary>Reads a StructureDefinition resource.</summary>
    /// <exception cref="ArgumentException">The JSON is not a StructureDefinition resource object.</exception>
    public static StructureDefinition Read(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object
            || !json.TryGetProperty("resourceType", out var rt)
            || rt.ValueKind != JsonValueKind.String
            || rt.GetString() != "StructureDefinition")
        {
            throw new ArgumentException("The JSON is not a StructureDefinition resource.", nameof(json));
        }

        var type = GetString(json, "type") ?? string.Empty;
        return new StructureDefinition
        {
            Id = GetString(json, "id") ?? string.Empty,
            Url = GetString(json, "url") ?? string.Empty,
            Version = GetString(json, "version"),
            Name = GetString(json, "name") ?? string.Empty,
            Title = GetString(json, "title"),
            Status = GetString(json, "status"),
            FhirVersion = GetString(json, "fhirVersion"),
            Kind = DefinitionCodes.ParseKind(GetString(json, "kind")) ?? StructureDefinitionKind.Resource,
            Abstract = GetBool(json, "abstract") ?? false,
            Type = type,
            BaseDefinition = GetString(json, "baseDefinition"),
            Derivation = DefinitionCodes.ParseDerivation(GetString(json, "derivation")),
            Contexts = ReadArray(json, "context", c => new StructureDefinitionContext(
                GetString(c, "type") ?? string.Empty,
                GetString(c, "expression") ?? string.Empty)),
            ContextInvariants = ReadStrings(json, "contextInvariant"),
            Differential = ReadElements(json, "differential") ?? [],
            Snapshot = ReadElements(json, "snapshot"),
        };
    }

    /// <summary>Reads one ElementDefinition.</summary>
    public static ElementDefinition ReadElement(JsonElement json)
    {
        var path = GetString(json, "path") ?? string.Empty;
        ElementValue? fixedValue = null, pattern = null, defaultValue = null, minValue = null, maxValue = null;
        foreach (var property in json.EnumerateObject())
        {
            var name = property.Name;
            if (name.Length < 4)
            {
                continue;
            }

            _ = TryChoice(property, ChoiceFixed, ref fixedValue)
                || TryChoice(property, ChoicePattern, ref pattern)
                || TryChoice(property, ChoiceDefault, ref defaultValue)
                || TryChoice(property, ChoiceMin, ref minValue)
                || TryChoice(property, ChoiceMax, ref maxValue);
        }

        return new ElementDefinition
        {
            Id = GetString(json, "id") ?? path,
            Path = path,
            SliceName = GetString(json, "sliceName"),
            SliceIsConstraining = GetBool(json, "sliceIsConstraining"),
            Short = GetString(json, "short"),
            Definition = GetString(json, "definition"),
            Comment = GetString(json, "comment"),
            Requirements = GetString(json, "requirements"),
            Min = GetInt(json, "min"),
            Max = GetString(json, "max"),
            Base = json.TryGetProperty("base", out var b) && b.ValueKind == JsonValueKind.Object
                ? new ElementBase(GetString(b, "path") ?? string.Empty, GetInt(b, "min") ?? 0, GetString(b, "max") ?? "*")
                : null,
            ContentReference = GetString(json, "contentReference"),
            Types = ReadArray(json, "type", t => new ElementType(
                GetString(t, "code") ?? string.Empty,
                ReadStrings(t, "profile"),
                ReadStrings(t, "targetProfile"),
                ReadStrings(t, "aggregation"))),
            DefaultValue = defaultValue,
            MeaningWhenMissing = GetString(json, "meaningWhenMissing"),
            OrderMeaning = GetString(json, "orderMeaning"),
            Fixed = fixedValue,
            Pattern = pattern,
            MinValue = minValue,
            MaxValue = maxValue,
            MaxLength = GetInt(json, "maxLength"),
            Condition = ReadStrings(json, "condition"),
            Constraints = ReadArray(json, "constraint", c => new ElementConstraint(
                GetString(c, "key") ?? string.Empty,
                DefinitionCodes.ParseConstraintSeverity(GetString(c, "severity")),
                GetString(c, "human") ?? string.Empty,
                GetString(c, "expression"),
                GetString(c, "xpath"),
                GetString(c, "source"))),
            MustSupport = GetBool(json, "mustSupport"),
            IsModifier = GetBool(json, "isModifier"),
            IsModifierReason = GetString(json, "isModifierReason"),
            IsSummary = GetBool(json, "isSummary"),
            Binding = ReadBinding(json),
            Slicing = ReadSlicing(json),
        };
    }

    private static bool TryChoice(JsonProperty property, string prefix, ref ElementValue? target)
    {
        var name = property.Name;
        if (name.Length <= prefix.Length
            || !name.StartsWith(prefix, StringComparison.Ordinal)
            || !char.IsUpper(name[prefix.Length]))
        {
            return false;
        }

        target = new ElementValue(name[prefix.Length..], property.Value.Clone());
        return true;
    }

    private static ElementBinding? ReadBinding(JsonElement json)
    {
        if (!json.TryGetProperty("binding", out var b) || b.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var strength = DefinitionCodes.ParseBindingStrength(GetString(b, "strength")) ?? BindingStrength.Example;
        return new ElementBinding(strength, GetString(b, "valueSet"), GetString(b, "description")) { MaxValueSet = ReadMaxValueSet(b) };
    }

    private static string? ReadMaxValueSet(JsonElement binding)
    {
        if (!binding.TryGetProperty("extension", out var extensions) || extensions.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var extension in extensions.EnumerateArray())
        {
            if (GetString(extension, "url") == ElementBinding.MaxValueSetExtension)
            {
                return GetString(extension, "valueCanonical") ?? GetString(extension, "valueUri");
            }
        }

        return null;
    }

    private static ElementSlicing? ReadSlicing(JsonElement json)
    {
        if (!json.TryGetProperty("slicing", out var s) || s.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var discriminators = new List<SlicingDiscriminator>();
        if (s.TryGetProperty("discriminator", out var ds) && ds.ValueKind == JsonValueKind.Array)
        {
            foreach (var d in ds.EnumerateArray())
            {
                if (DefinitionCodes.ParseDiscriminatorType(GetString(d, "type")) is { } type)
                {
                    discriminators.Add(new SlicingDiscriminator(type, GetString(d, "path") ?? "$this"));
                }
            }
        }

        return new ElementSlicing(
            discriminators,
            DefinitionCodes.ParseSlicingRules(GetString(s, "rules")),
            GetBool(s, "ordered") ?? false,
            GetString(s, "description"));
    }

    private static List<ElementDefinition>? ReadElements(JsonElement json, string component)
    {
        if (!json.TryGetProperty(component, out var c)
            || c.ValueKind != JsonValueKind.Object
            || !c.TryGetProperty("element", out var elements)
            || elements.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<ElementDefinition>(elements.GetArrayLength());
        foreach (var e in elements.EnumerateArray())
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                list.Add(ReadElement(e));
            }
        }

        return list;
    }

    private static List<T> ReadArray<T>(JsonElement json, string name, Func<JsonElement, T> read)
    {
        if (!json.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<T>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                list.Add(read(item));
            }
        }

        return list;
    }

    private static List<string> ReadStrings(JsonElement json, string name)
    {
        if (!json.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(item.GetString()!);
            }
        }

        return list;
    }

    private static string? GetString(JsonElement json, string name) =>
        json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool? GetBool(JsonElement json, string name) =>
        json.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? v.GetBoolean()
            : null;

    private static int? GetInt(JsonElement json, string name) =>
        json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
