using System.Globalization;
using System.Text.Json;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// A <c>fixed[x]</c> or <c>pattern[x]</c> value compiled from its JSON form into a tree that is
/// compared with element nodes without touching JSON again: exact comparison for fixed values,
/// partial ("contains at least") comparison for patterns
/// (<see href="https://hl7.org/fhir/R4/elementdefinition-definitions.html#ElementDefinition.pattern_x_"/>).
/// </summary>
internal sealed class ValueMatcher
{
    private readonly string? _text;
    private readonly decimal? _number;
    private readonly Property[] _properties;

    private ValueMatcher(string? text, decimal? number, Property[] properties)
    {
        _text = text;
        _number = number;
        _properties = properties;
    }

    /// <summary>The primitive value as text (for messages and value discriminators), or <see langword="null"/> for a complex value.</summary>
    public string? Text => _text;

    /// <summary>A matcher for a primitive value given as text (an extension's URL taken from its profile).</summary>
    public static ValueMatcher FromText(string text) => new(text, null, []);

    /// <summary>Compiles a JSON value (string, number, boolean or object) into a matcher.</summary>
    public static ValueMatcher FromJson(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return new ValueMatcher(value.GetString(), null, []);
            case JsonValueKind.Number:
                var raw = value.GetRawText();
                return new ValueMatcher(raw, decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null, []);
            case JsonValueKind.True:
                return new ValueMatcher("true", null, []);
            case JsonValueKind.False:
                return new ValueMatcher("false", null, []);
            case JsonValueKind.Object:
                var properties = new List<Property>();
                foreach (var property in value.EnumerateObject())
                {
                    if (property.Name.StartsWith('_') || property.Name == "resourceType")
                    {
                        continue;
                    }

                    var items = property.Value.ValueKind == JsonValueKind.Array
                        ? property.Value.EnumerateArray().Select(FromJson).ToArray()
                        : [FromJson(property.Value)];
                    properties.Add(new Property(property.Name, items, SplitChoice(property.Name)));
                }

                return new ValueMatcher(null, null, [.. properties]);
            default:
                return new ValueMatcher(null, null, []);
        }
    }

    /// <summary><see langword="true"/> when <paramref name="node"/> holds at least everything in the pattern.</summary>
    public bool MatchesPattern(ElementNode node) => Matches(node, exact: false);

    /// <summary><see langword="true"/> when <paramref name="node"/> equals the fixed value exactly.</summary>
    public bool MatchesFixed(ElementNode node) => Matches(node, exact: true);

    /// <inheritdoc />
    public override string ToString() =>
        _text is not null
            ? $"'{_text}'"
            : "{" + string.Join(", ", _properties.Select(p => $"{p.Name}: [{string.Join(", ", p.Items.Select(i => i.ToString()))}]")) + "}";

    private bool Matches(ElementNode node, bool exact)
    {
        if (_text is not null)
        {
            if (node.Text is null)
            {
                return false;
            }

            if (_number is { } expected)
            {
                return decimal.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var actual) && actual == expected;
            }

            return string.Equals(node.Text, _text, StringComparison.Ordinal);
        }

        foreach (var property in _properties)
        {
            if (!MatchesProperty(node, property, exact))
            {
                return false;
            }
        }

        if (exact)
        {
            foreach (var child in node.Children)
            {
                if (!_properties.Any(p => p.Accepts(child)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool MatchesProperty(ElementNode node, Property property, bool exact)
    {
        var children = node.Children;
        if (exact)
        {
            var index = 0;
            foreach (var child in children)
            {
                if (!property.Accepts(child))
                {
                    continue;
                }

                if (index >= property.Items.Length || !property.Items[index].Matches(child, exact: true))
                {
                    return false;
                }

                index++;
            }

            return index == property.Items.Length;
        }

        foreach (var item in property.Items)
        {
            var found = false;
            foreach (var child in children)
            {
                if (property.Accepts(child) && item.Matches(child, exact: false))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    // A JSON property such as "valueQuantity" names the choice element "value" of type "Quantity".
    private static (string Name, string Type)[] SplitChoice(string jsonName)
    {
        var splits = new List<(string, string)>();
        for (var i = 1; i < jsonName.Length; i++)
        {
            if (char.IsUpper(jsonName[i]))
            {
                var suffix = jsonName[i..];
                var type = IsPrimitiveSuffix(suffix) ? char.ToLowerInvariant(suffix[0]) + suffix[1..] : suffix;
                splits.Add((jsonName[..i], type));
            }
        }

        return [.. splits];
    }

    private static bool IsPrimitiveSuffix(string suffix) => suffix is
        "Base64Binary" or "Boolean" or "Canonical" or "Code" or "Date" or "DateTime" or "Decimal" or "Id" or "Instant"
        or "Integer" or "Markdown" or "Oid" or "PositiveInt" or "String" or "Time" or "UnsignedInt" or "Uri" or "Url" or "Uuid";

    private sealed record Property(string Name, ValueMatcher[] Items, (string Name, string Type)[] ChoiceNames)
    {
        public bool Accepts(ElementNode child)
        {
            if (string.Equals(child.Name, Name, StringComparison.Ordinal))
            {
                return true;
            }

            foreach (var (name, type) in ChoiceNames)
            {
                if (string.Equals(child.Name, name, StringComparison.Ordinal) && string.Equals(child.InstanceType, type, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
