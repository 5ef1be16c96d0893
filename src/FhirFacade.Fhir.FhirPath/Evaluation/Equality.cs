using System.Text;
using FhirFacade.Fhir.FhirPath.Values;
using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>
/// FHIRPath equality (<c>=</c>) and equivalence (<c>~</c>) (<see href="http://hl7.org/fhirpath/N1/#equality"/>).
/// </summary>
internal static class Equality
{
    /// <summary><c>=</c> on collections: empty when either side is empty or an item comparison is uncertain.</summary>
    public static bool? CollectionEquals(IReadOnlyList<FhirPathItem> left, IReadOnlyList<FhirPathItem> right)
    {
        if (left.Count == 0 || right.Count == 0)
        {
            return null;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        var result = (bool?)true;
        for (var i = 0; i < left.Count; i++)
        {
            var item = ItemEquals(left[i], right[i]);
            if (item == false)
            {
                return false;
            }

            if (item is null)
            {
                result = null;
            }
        }

        return result;
    }

    /// <summary><c>~</c> on collections: order-independent, never empty.</summary>
    public static bool CollectionEquivalent(IReadOnlyList<FhirPathItem> left, IReadOnlyList<FhirPathItem> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        if (left.Count == 1)
        {
            return ItemEquivalent(left[0], right[0]);
        }

        var used = new bool[right.Count];
        foreach (var l in left)
        {
            var found = false;
            for (var j = 0; j < right.Count; j++)
            {
                if (!used[j] && ItemEquivalent(l, right[j]))
                {
                    used[j] = true;
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

    public static bool? ItemEquals(FhirPathItem left, FhirPathItem right)
    {
        if (left.Node is { } ln && right.Node is { } rn)
        {
            if (ReferenceEquals(ln, rn))
            {
                return true;
            }

            if (ln.PrimitiveType == PrimitiveSystemType.None && rn.PrimitiveType == PrimitiveSystemType.None)
            {
                return NodesEqual(ln, rn, equivalent: false);
            }
        }

        var lv = left.Value;
        var rv = right.Value;
        if (lv is null || rv is null)
        {
            return null;
        }

        return ValuesEqual(lv, rv);
    }

    public static bool ItemEquivalent(FhirPathItem left, FhirPathItem right)
    {
        if (left.Node is { } ln && right.Node is { } rn)
        {
            if (ReferenceEquals(ln, rn))
            {
                return true;
            }

            if (ln.PrimitiveType == PrimitiveSystemType.None && rn.PrimitiveType == PrimitiveSystemType.None)
            {
                return NodesEqual(ln, rn, equivalent: true) == true;
            }
        }

        var lv = left.Value;
        var rv = right.Value;
        if (lv is null || rv is null)
        {
            return lv is null && rv is null;
        }

        return ValuesEquivalent(lv, rv);
    }

    public static bool? ValuesEqual(object left, object right)
    {
        switch (left, right)
        {
            case (string l, string r):
                return string.Equals(l, r, StringComparison.Ordinal);
            case (bool l, bool r):
                return l == r;
            case (long l, long r):
                return l == r;
            case (long l, decimal r):
                return l == r;
            case (decimal l, long r):
                return l == r;
            case (decimal l, decimal r):
                return l == r;
            case (FhirPathTemporal l, FhirPathTemporal r):
                if ((l.Kind == FhirPathTemporalKind.Time) != (r.Kind == FhirPathTemporalKind.Time))
                {
                    return false;
                }

                var c = FhirPathTemporal.Compare(l, r);
                return c is null ? null : c == 0;
            case (FhirPathQuantity l, FhirPathQuantity r):
                var converted = Ucum.ConvertTo(r, l.Unit);
                return converted is null ? null : converted.Value == l.Value;
            default:
                return false;
        }
    }

    public static bool ValuesEquivalent(object left, object right)
    {
        switch (left, right)
        {
            case (string l, string r):
                return string.Equals(NormalizeWhitespace(l), NormalizeWhitespace(r), StringComparison.OrdinalIgnoreCase);
            case (long l, decimal r):
                return DecimalsEquivalent(l, r);
            case (decimal l, long r):
                return DecimalsEquivalent(l, r);
            case (decimal l, decimal r):
                return DecimalsEquivalent(l, r);
            case (FhirPathTemporal l, FhirPathTemporal r):
                return (l.Kind == FhirPathTemporalKind.Time) == (r.Kind == FhirPathTemporalKind.Time) && FhirPathTemporal.Compare(l, r) == 0;
            case (FhirPathQuantity l, FhirPathQuantity r):
                var converted = Ucum.ConvertTo(r, l.Unit);
                if (converted is null)
                {
                    return (l.Unit is "year" && r.Unit is "a" || l.Unit is "a" && r.Unit is "year" || l.Unit is "month" && r.Unit is "mo" || l.Unit is "mo" && r.Unit is "month")
                        && DecimalsEquivalent(l.Value, r.Value);
                }

                var scale = Math.Min(Scale(l.Value), Scale(r.Value));
                return Math.Round(l.Value, scale, MidpointRounding.AwayFromZero) == Math.Round(converted.Value, scale, MidpointRounding.AwayFromZero);
            default:
                return ValuesEqual(left, right) == true;
        }
    }

    /// <summary>Decimals are equivalent when equal at the precision of the less precise one.</summary>
    public static bool DecimalsEquivalent(decimal left, decimal right)
    {
        var scale = Math.Min(Scale(left), Scale(right));
        return Math.Round(left, scale, MidpointRounding.AwayFromZero) == Math.Round(right, scale, MidpointRounding.AwayFromZero);
    }

    public static int Scale(decimal value) => value.Scale;

    private static bool? NodesEqual(ElementNode left, ElementNode right, bool equivalent)
    {
        if (left.PrimitiveType != PrimitiveSystemType.None || right.PrimitiveType != PrimitiveSystemType.None)
        {
            var lv = FhirPathItem.ValueOf(left);
            var rv = FhirPathItem.ValueOf(right);
            if (lv is null || rv is null)
            {
                return lv is null && rv is null && left.Children.Count == 0 && right.Children.Count == 0 ? true : equivalent ? false : null;
            }

            return equivalent ? ValuesEquivalent(lv, rv) : ValuesEqual(lv, rv);
        }

        var lc = left.Children;
        var rc = right.Children;
        var count = 0;
        foreach (var child in lc)
        {
            if (!equivalent || child.Name != "id")
            {
                count++;
            }
        }

        foreach (var child in rc)
        {
            if (!equivalent || child.Name != "id")
            {
                count--;
            }
        }

        if (count != 0)
        {
            return false;
        }

        foreach (var child in lc)
        {
            if (equivalent && child.Name == "id")
            {
                continue;
            }

            var match = false;
            foreach (var other in right.ChildrenNamed(child.Name))
            {
                if (other.Index == child.Index || equivalent)
                {
                    if (NodesEqual(child, other, equivalent) == true)
                    {
                        match = true;
                        break;
                    }
                }
            }

            if (!match)
            {
                return false;
            }
        }

        return true;
    }

    private static string NormalizeWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
