using System.Globalization;
using FhirFacade.Fhir.FhirPath.Values;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.FhirPath;

/// <summary>
/// One item of a FHIRPath collection: either an <see cref="ElementNode"/> of the FHIR tree or a system
/// value (<see cref="bool"/>, <see cref="long"/> Integer, <see cref="decimal"/>, <see cref="string"/>,
/// <see cref="FhirPathTemporal"/> Date/DateTime/Time, <see cref="FhirPathQuantity"/>)
/// (<see href="http://hl7.org/fhirpath/N1/#literals"/>).
/// </summary>
/// <remarks>A struct over one reference: a node item costs no allocation.</remarks>
public readonly struct FhirPathItem : IEquatable<FhirPathItem>
{
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    private readonly object _value;

    private FhirPathItem(object value)
    {
        _value = value;
    }

    /// <summary>The boolean <c>true</c>.</summary>
    public static FhirPathItem True { get; } = new(BoxedTrue);

    /// <summary>The boolean <c>false</c>.</summary>
    public static FhirPathItem False { get; } = new(BoxedFalse);

    /// <summary>The node, when this item is an element of the FHIR tree.</summary>
    public ElementNode? Node => _value as ElementNode;

    /// <summary>
    /// The system value: the item itself for system values; for a primitive node, its <see cref="ElementNode.Text"/>
    /// converted per <see cref="ElementNode.PrimitiveType"/> (<see langword="null"/> when it has no or an unparseable value);
    /// for a FHIR <c>Quantity</c> node, a <see cref="FhirPathQuantity"/>; otherwise <see langword="null"/>.
    /// </summary>
    public object? Value => _value is ElementNode node ? ValueOf(node) : _value;

    /// <summary>Wraps a node.</summary>
    public static FhirPathItem FromNode(ElementNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new FhirPathItem(node);
    }

    /// <summary>Wraps a system value (bool, int/long, decimal, string, <see cref="FhirPathTemporal"/>, <see cref="FhirPathQuantity"/>) or a node.</summary>
    /// <exception cref="ArgumentException">For any other type.</exception>
    public static FhirPathItem FromValue(object value) => value switch
    {
        bool b => b ? True : False,
        int i => new FhirPathItem((long)i),
        long or decimal or string or FhirPathTemporal or FhirPathQuantity or ElementNode => new FhirPathItem(value),
        null => throw new ArgumentNullException(nameof(value)),
        _ => throw new ArgumentException($"{value.GetType().Name} is not a FHIRPath value.", nameof(value)),
    };

    internal static FhirPathItem Raw(object value) => new(value);

    internal object RawValue => _value;

    /// <summary>The FHIRPath type name: the FHIR type (<c>HumanName</c>, <c>code</c>) for nodes, the System type (<c>Integer</c>) for values.</summary>
    public string TypeName => _value switch
    {
        ElementNode node => node.InstanceType,
        bool => "Boolean",
        long => "Integer",
        decimal => "Decimal",
        string => "String",
        FhirPathTemporal { Kind: FhirPathTemporalKind.Date } => "Date",
        FhirPathTemporal { Kind: FhirPathTemporalKind.DateTime } => "DateTime",
        FhirPathTemporal => "Time",
        FhirPathQuantity => "Quantity",
        _ => string.Empty,
    };

    /// <summary>Converts a node's primitive text to its system value.</summary>
    internal static object? ValueOf(ElementNode node)
    {
        var text = node.Text;
        switch (node.PrimitiveType)
        {
            case PrimitiveSystemType.None:
                return IsQuantityType(node.InstanceType) ? QuantityOf(node) : null;
            case PrimitiveSystemType.String:
                return text;
            case PrimitiveSystemType.Boolean:
                return text switch { "true" => BoxedTrue, "false" => BoxedFalse, _ => null };
            case PrimitiveSystemType.Integer:
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null;
            case PrimitiveSystemType.Decimal:
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
            case PrimitiveSystemType.Date:
                return text is null ? null : FhirPathTemporal.ParseDate(text);
            case PrimitiveSystemType.DateTime:
                return text is null ? null : FhirPathTemporal.ParseDateTime(text);
            case PrimitiveSystemType.Time:
                return text is null ? null : FhirPathTemporal.ParseTime(text);
            default:
                return text;
        }
    }

    internal static bool IsQuantityType(string typeName) =>
        typeName is "Quantity" or "Age" or "Duration" or "Distance" or "Count" or "SimpleQuantity" or "MoneyQuantity";

    private static FhirPathQuantity? QuantityOf(ElementNode node)
    {
        var valueNode = node.Child("value");
        if (valueNode?.Text is null || !decimal.TryParse(valueNode.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var system = node.Child("system")?.Text;
        var code = node.Child("code")?.Text;
        var unit = system == FhirPathConstants.UcumSystem && code is not null ? code : node.Child("unit")?.Text ?? code ?? "1";
        return new FhirPathQuantity(value, unit);
    }

    /// <inheritdoc />
    public bool Equals(FhirPathItem other) => ReferenceEquals(_value, other._value) || Equals(_value, other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FhirPathItem other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value?.GetHashCode() ?? 0;

    /// <summary>Item equality as .NET sees it (reference for nodes, value for system values); not FHIRPath <c>=</c>.</summary>
    public static bool operator ==(FhirPathItem left, FhirPathItem right) => left.Equals(right);

    /// <summary>Item inequality as .NET sees it.</summary>
    public static bool operator !=(FhirPathItem left, FhirPathItem right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => _value switch
    {
        ElementNode node => node.ToString(),
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        null => string.Empty,
        _ => _value.ToString() ?? string.Empty,
    };
}
