using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Serialization.Json;

/// <summary>
/// Writes an <see cref="ElementNode"/> tree as canonical FHIR R4 JSON
/// (<see href="https://hl7.org/fhir/R4/json.html"/>): <c>resourceType</c> first, then elements in
/// definition order; repeating elements as arrays; a primitive's id/extension as <c>_name</c> (arrays
/// aligned with <c>null</c>); booleans and numbers as JSON literals exactly as in
/// <see cref="ElementNode.Text"/> (<c>1.50</c> stays <c>1.50</c>); choice elements with their type
/// suffix. The tree is not modified. Stateless and thread-safe.
/// </summary>
public sealed class FhirJsonSerializer
{
    private const string ResourceTypeProperty = "resourceType";

    /// <summary>Serializes to a string.</summary>
    public string Serialize(ElementNode node, FhirJsonSerializerOptions? options = null) =>
        Encoding.UTF8.GetString(SerializeToUtf8Bytes(node, options));

    /// <summary>Serializes to UTF-8 bytes.</summary>
    public byte[] SerializeToUtf8Bytes(ElementNode node, FhirJsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions(options)))
        {
            Serialize(node, writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Serializes to a stream (UTF-8, no BOM); the stream is left open.</summary>
    public void Serialize(ElementNode node, Stream stream, FhirJsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, WriterOptions(options));
        Serialize(node, writer);
    }

    /// <summary>Writes the node as one JSON object to <paramref name="writer"/> (which the caller flushes and disposes).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API: the serializer is shared and injected like the parser.")]
    public void Serialize(ElementNode node, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(writer);
        WriteObject(writer, node, node.IsResource || (node.Type is null && node.Parent is null));
        writer.Flush();
    }

    /// <summary>The writer options the serializer uses: relaxed escaping keeps narrative markup and non-ASCII text readable.</summary>
    public static JsonWriterOptions WriterOptions(FhirJsonSerializerOptions? options) => new()
    {
        Indented = options?.Pretty ?? false,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static void WriteObject(Utf8JsonWriter writer, ElementNode node, bool isResource)
    {
        writer.WriteStartObject();
        if (isResource)
        {
            writer.WriteString(ResourceTypeProperty, node.InstanceType);
        }

        WriteChildren(writer, node);
        writer.WriteEndObject();
    }

    private static void WriteChildren(Utf8JsonWriter writer, ElementNode node)
    {
        var children = node.Children;
        var count = children.Count;
        if (count == 0)
        {
            return;
        }

        var sorted = ArrayPool<ElementNode>.Shared.Rent(count);
        var keys = ArrayPool<int>.Shared.Rent(count);
        try
        {
            SortByDefinitionOrder(node, children, sorted, keys);
            var start = 0;
            while (start < count)
            {
                var end = start + 1;
                while (end < count && string.Equals(sorted[end].Name, sorted[start].Name, StringComparison.Ordinal))
                {
                    end++;
                }

                WriteGroup(writer, node, sorted.AsSpan(start, end - start));
                start = end;
            }
        }
        finally
        {
            Array.Clear(sorted, 0, count);
            ArrayPool<ElementNode>.Shared.Return(sorted);
            ArrayPool<int>.Shared.Return(keys);
        }
    }

    /// <summary>A stable insertion sort by definition order: children are few and usually already in order.</summary>
    private static void SortByDefinitionOrder(ElementNode parent, IReadOnlyList<ElementNode> children, ElementNode[] sorted, int[] keys)
    {
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            var key = OrderOf(parent, child);
            var j = i - 1;
            while (j >= 0 && Compare(keys[j], sorted[j], key, child) > 0)
            {
                keys[j + 1] = keys[j];
                sorted[j + 1] = sorted[j];
                j--;
            }

            keys[j + 1] = key;
            sorted[j + 1] = child;
        }
    }

    private static int Compare(int leftKey, ElementNode left, int rightKey, ElementNode right)
    {
        if (leftKey != rightKey)
        {
            return leftKey.CompareTo(rightKey);
        }

        // Elements unknown to the model sort last, grouped by name.
        return leftKey == int.MaxValue ? string.CompareOrdinal(left.Name, right.Name) : 0;
    }

    private static int OrderOf(ElementNode parent, ElementNode child) =>
        (child.Definition ?? parent.Type?.FindChild(child.Name))?.Order ?? int.MaxValue;

    private static void WriteGroup(Utf8JsonWriter writer, ElementNode parent, ReadOnlySpan<ElementNode> group)
    {
        var first = group[0];
        var definition = first.Definition ?? parent.Type?.FindChild(first.Name);
        var isCollection = definition?.IsCollection ?? group.Length > 1;
        var name = definition is { IsChoice: true } ? TypeDefinition.ChoiceName(first.Name, first.InstanceType) : first.Name;
        if (IsPrimitive(first))
        {
            WritePrimitiveGroup(writer, name, group, isCollection);
            return;
        }

        writer.WritePropertyName(name);
        if (isCollection)
        {
            writer.WriteStartArray();
        }

        foreach (var item in group)
        {
            WriteObject(writer, item, item.IsResource);
        }

        if (isCollection)
        {
            writer.WriteEndArray();
        }
    }

    private static void WritePrimitiveGroup(Utf8JsonWriter writer, string name, ReadOnlySpan<ElementNode> group, bool isCollection)
    {
        var hasValue = false;
        var hasExtras = false;
        foreach (var item in group)
        {
            hasValue |= item.Text is not null;
            hasExtras |= item.Children.Count > 0;
        }

        if (hasValue)
        {
            writer.WritePropertyName(name);
            if (isCollection)
            {
                writer.WriteStartArray();
                foreach (var item in group)
                {
                    WritePrimitiveValue(writer, item);
                }

                writer.WriteEndArray();
            }
            else
            {
                WritePrimitiveValue(writer, group[0]);
            }
        }

        if (!hasExtras)
        {
            return;
        }

        writer.WritePropertyName("_" + name);
        if (isCollection)
        {
            writer.WriteStartArray();
            foreach (var item in group)
            {
                if (item.Children.Count == 0)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    WriteObject(writer, item, isResource: false);
                }
            }

            writer.WriteEndArray();
        }
        else
        {
            WriteObject(writer, group[0], isResource: false);
        }
    }

    private static void WritePrimitiveValue(Utf8JsonWriter writer, ElementNode node)
    {
        var text = node.Text;
        if (text is null)
        {
            writer.WriteNullValue();
            return;
        }

        switch (PrimitiveTypeOf(node))
        {
            case PrimitiveSystemType.Boolean when text is "true" or "false":
                writer.WriteBooleanValue(text == "true");
                break;
            case PrimitiveSystemType.Integer or PrimitiveSystemType.Decimal when IsJsonNumber(text):
                writer.WriteRawValue(text, skipInputValidation: true);
                break;
            default:
                writer.WriteStringValue(text);
                break;
        }
    }

    private static bool IsPrimitive(ElementNode node) =>
        node.Type is { } type ? type.IsPrimitive : node.InstanceType.Length > 0 && char.IsAsciiLetterLower(node.InstanceType[0]);

    private static PrimitiveSystemType PrimitiveTypeOf(ElementNode node) => node.Type is { } type
        ? type.PrimitiveType
        : node.InstanceType switch
        {
            "boolean" => PrimitiveSystemType.Boolean,
            "integer" or "positiveInt" or "unsignedInt" => PrimitiveSystemType.Integer,
            "decimal" => PrimitiveSystemType.Decimal,
            _ => PrimitiveSystemType.String,
        };

    /// <summary>The JSON number grammar: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    internal static bool IsJsonNumber(string text)
    {
        var i = 0;
        var n = text.Length;
        if (i < n && text[i] == '-')
        {
            i++;
        }

        if (i >= n || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < n && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }

        if (i < n && text[i] == '.')
        {
            i++;
            var digits = i;
            while (i < n && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == digits)
            {
                return false;
            }
        }

        if (i < n && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < n && (text[i] == '+' || text[i] == '-'))
            {
                i++;
            }

            var digits = i;
            while (i < n && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == digits)
            {
                return false;
            }
        }

        return i == n;
    }
}
