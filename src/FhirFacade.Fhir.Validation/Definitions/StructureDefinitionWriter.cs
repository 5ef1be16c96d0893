using System.Text.Json;

namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>
/// Writes the <see cref="StructureDefinition"/> model back to FHIR JSON (the modelled properties only), as
/// used by the snapshot disk cache. <see cref="StructureDefinitionReader"/> reads the output back unchanged.
/// </summary>
public static class StructureDefinitionWriter
{
    /// <summary>Writes the definition as a JSON object.</summary>
    public static void Write(StructureDefinition definition, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(writer);

        writer.WriteStartObject();
        writer.WriteString("resourceType", "StructureDefinition");
        writer.WriteString("id", definition.Id);
        writer.WriteString("url", definition.Url);
        WriteIf(writer, "version", definition.Version);
        writer.WriteString("name", definition.Name);
        WriteIf(writer, "title", definition.Title);
        WriteIf(writer, "status", definition.Status);
        WriteIf(writer, "fhirVersion", definition.FhirVersion);
        writer.WriteString("kind", definition.Kind.ToCode());
        writer.WriteBoolean("abstract", definition.Abstract);
        if (definition.Contexts.Count > 0)
        {
            writer.WriteStartArray("context");
            foreach (var c in definition.Contexts)
            {
                writer.WriteStartObject();
                writer.WriteString("type", c.Type);
                writer.WriteString("expression", c.Expression);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        WriteStrings(writer, "contextInvariant", definition.ContextInvariants);
        writer.WriteString("type", definition.Type);
        WriteIf(writer, "baseDefinition", definition.BaseDefinition);
        if (definition.Derivation is { } derivation)
        {
            writer.WriteString("derivation", derivation.ToCode());
        }

        if (definition.Snapshot is { } snapshot)
        {
            WriteElements(writer, "snapshot", snapshot);
        }

        if (definition.Differential.Count > 0)
        {
            WriteElements(writer, "differential", definition.Differential);
        }

        writer.WriteEndObject();
    }

    /// <summary>Serialises the definition to UTF-8 JSON.</summary>
    public static byte[] ToUtf8Bytes(StructureDefinition definition)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(definition, writer);
        }

        return stream.ToArray();
    }

    /// <summary>Writes one ElementDefinition as a JSON object.</summary>
    public static void WriteElement(ElementDefinition element, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(writer);

        writer.WriteStartObject();
        writer.WriteString("id", element.Id);
        writer.WriteString("path", element.Path);
        WriteIf(writer, "sliceName", element.SliceName);
        WriteIf(writer, "sliceIsConstraining", element.SliceIsConstraining);
        WriteIf(writer, "short", element.Short);
        WriteIf(writer, "definition", element.Definition);
        WriteIf(writer, "comment", element.Comment);
        WriteIf(writer, "requirements", element.Requirements);
        if (element.Slicing is { } slicing)
        {
            writer.WriteStartObject("slicing");
            if (slicing.Discriminators.Count > 0)
            {
                writer.WriteStartArray("discriminator");
                foreach (var d in slicing.Discriminators)
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", d.Type.ToCode());
                    writer.WriteString("path", d.Path);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            WriteIf(writer, "description", slicing.Description);
            writer.WriteBoolean("ordered", slicing.Ordered);
            writer.WriteString("rules", slicing.Rules.ToCode());
            writer.WriteEndObject();
        }

        if (element.Min is { } min)
        {
            writer.WriteNumber("min", min);
        }

        WriteIf(writer, "max", element.Max);
        if (element.Base is { } b)
        {
            writer.WriteStartObject("base");
            writer.WriteString("path", b.Path);
            writer.WriteNumber("min", b.Min);
            writer.WriteString("max", b.Max);
            writer.WriteEndObject();
        }

        WriteIf(writer, "contentReference", element.ContentReference);
        if (element.Types.Count > 0)
        {
            writer.WriteStartArray("type");
            foreach (var t in element.Types)
            {
                writer.WriteStartObject();
                writer.WriteString("code", t.Code);
                WriteStrings(writer, "profile", t.Profile);
                WriteStrings(writer, "targetProfile", t.TargetProfile);
                WriteStrings(writer, "aggregation", t.Aggregation);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        WriteValue(writer, "defaultValue", element.DefaultValue);
        WriteIf(writer, "meaningWhenMissing", element.MeaningWhenMissing);
        WriteIf(writer, "orderMeaning", element.OrderMeaning);
        WriteValue(writer, "fixed", element.Fixed);
        WriteValue(writer, "pattern", element.Pattern);
        WriteValue(writer, "minValue", element.MinValue);
        WriteValue(writer, "maxValue", element.MaxValue);
        if (element.MaxLength is { } maxLength)
        {
            writer.WriteNumber("maxLength", maxLength);
        }

        WriteStrings(writer, "condition", element.Condition);
        if (element.Constraints.Count > 0)
        {
            writer.WriteStartArray("constraint");
            foreach (var c in element.Constraints)
            {
                writer.WriteStartObject();
                writer.WriteString("key", c.Key);
                writer.WriteString("severity", c.Severity.ToCode());
                writer.WriteString("human", c.Human);
                WriteIf(writer, "expression", c.Expression);
                WriteIf(writer, "xpath", c.Xpath);
                WriteIf(writer, "source", c.Source);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        WriteIf(writer, "mustSupport", element.MustSupport);
        WriteIf(writer, "isModifier", element.IsModifier);
        WriteIf(writer, "isModifierReason", element.IsModifierReason);
        WriteIf(writer, "isSummary", element.IsSummary);
        if (element.Binding is { } binding)
        {
            writer.WriteStartObject("binding");
            if (binding.MaxValueSet is { } maxValueSet)
            {
                writer.WriteStartArray("extension");
                writer.WriteStartObject();
                writer.WriteString("url", ElementBinding.MaxValueSetExtension);
                writer.WriteString("valueCanonical", maxValueSet);
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteString("strength", binding.Strength.ToCode());
            WriteIf(writer, "description", binding.Description);
            WriteIf(writer, "valueSet", binding.ValueSet);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteElements(Utf8JsonWriter writer, string component, IReadOnlyList<ElementDefinition> elements)
    {
        writer.WriteStartObject(component);
        writer.WriteStartArray("element");
        foreach (var e in elements)
        {
            WriteElement(e, writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, string prefix, ElementValue? value)
    {
        if (value is null)
        {
            return;
        }

        writer.WritePropertyName(prefix + value.TypeSuffix);
        value.Value.WriteTo(writer);
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var v in values)
        {
            writer.WriteStringValue(v);
        }

        writer.WriteEndArray();
    }

    private static void WriteIf(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteIf(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is { } v)
        {
            writer.WriteBoolean(name, v);
        }
    }
}
