using FhirFacade.Fhir.FhirPath.Values;

namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>
/// Comparison, arithmetic and boolean operators (<see href="http://hl7.org/fhirpath/N1/#operations"/>).
/// Operands are singletons; empty operands give empty; incompatible types are errors.
/// </summary>
internal static class Operators
{
    public static object? SingletonValue(IReadOnlyList<FhirPathItem> items, string op)
    {
        if (items.Count == 0)
        {
            return null;
        }

        if (items.Count > 1)
        {
            throw new FhirPathEvaluationException($"Operator '{op}' needs a single item but got {items.Count}.");
        }

        return items[0].Value;
    }

    /// <summary>Singleton evaluation as a boolean (<see href="http://hl7.org/fhirpath/N1/#singleton-evaluation-of-collections"/>).</summary>
    public static bool? ToBoolean(IReadOnlyList<FhirPathItem> items, string op)
    {
        if (items.Count == 0)
        {
            return null;
        }

        if (items.Count > 1)
        {
            throw new FhirPathEvaluationException($"'{op}' needs a single boolean but got {items.Count} items.");
        }

        return items[0].Value switch
        {
            bool b => b,
            null when items[0].Node is { } node && node.PrimitiveType != Model.PrimitiveSystemType.None => null,
            _ => true,
        };
    }

    public static IReadOnlyList<FhirPathItem> Compare(string op, IReadOnlyList<FhirPathItem> leftItems, IReadOnlyList<FhirPathItem> rightItems)
    {
        var left = SingletonValue(leftItems, op);
        var right = SingletonValue(rightItems, op);
        if (left is null || right is null)
        {
            return Items.Empty;
        }

        var c = CompareValues(left, right, op);
        if (c is null)
        {
            return Items.Empty;
        }

        return Items.Of(op switch
        {
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            _ => c >= 0,
        });
    }

    public static int? CompareValues(object left, object right, string op)
    {
        switch (left, right)
        {
            case (long l, long r):
                return l.CompareTo(r);
            case (long l, decimal r):
                return ((decimal)l).CompareTo(r);
            case (decimal l, long r):
                return l.CompareTo(r);
            case (decimal l, decimal r):
                return l.CompareTo(r);
            case (string l, string r):
                return string.CompareOrdinal(l, r);
            case (FhirPathTemporal l, FhirPathTemporal r) when (l.Kind == FhirPathTemporalKind.Time) == (r.Kind == FhirPathTemporalKind.Time):
                return FhirPathTemporal.Compare(l, r);
            case (FhirPathQuantity l, FhirPathQuantity r):
                var converted = Ucum.ConvertTo(r, l.Unit);
                return converted is null ? null : l.Value.CompareTo(converted.Value);
            default:
                throw new FhirPathEvaluationException($"Cannot compare {TypeName(left)} with {TypeName(right)} using '{op}'.");
        }
    }

    public static IReadOnlyList<FhirPathItem> Arithmetic(string op, IReadOnlyList<FhirPathItem> leftItems, IReadOnlyList<FhirPathItem> rightItems)
    {
        if (op == "&")
        {
            var ls = SingletonValue(leftItems, op);
            var rs = SingletonValue(rightItems, op);
            if (ls is not (null or string) || rs is not (null or string))
            {
                throw new FhirPathEvaluationException("'&' needs string operands.");
            }

            return Items.OfValue(string.Concat((string?)ls, (string?)rs));
        }

        var left = SingletonValue(leftItems, op);
        var right = SingletonValue(rightItems, op);
        if (left is null || right is null)
        {
            return Items.Empty;
        }

        try
        {
            return Items.OfValue(Calculate(op, left, right));
        }
        catch (OverflowException)
        {
            return Items.Empty;
        }
    }

    private static object? Calculate(string op, object left, object right)
    {
        switch (left, right)
        {
            case (long l, long r):
                return op switch
                {
                    "+" => checked(l + r),
                    "-" => checked(l - r),
                    "*" => checked(l * r),
                    "/" => r == 0 ? null : (decimal)l / r,
                    "div" => r == 0 ? null : l / r,
                    "mod" => r == 0 ? null : l % r,
                    _ => null,
                };
            case (long or decimal, long or decimal):
                var ld = Convert.ToDecimal(left, System.Globalization.CultureInfo.InvariantCulture);
                var rd = Convert.ToDecimal(right, System.Globalization.CultureInfo.InvariantCulture);
                return op switch
                {
                    "+" => ld + rd,
                    "-" => ld - rd,
                    "*" => ld * rd,
                    "/" => rd == 0 ? null : ld / rd,
                    "div" => rd == 0 ? null : decimal.Truncate(ld / rd),
                    "mod" => rd == 0 ? null : ld % rd,
                    _ => null,
                };
            case (string l, string r) when op == "+":
                return l + r;
            case (FhirPathTemporal t, FhirPathQuantity q) when op is "+" or "-":
                return t.Add(op == "+" ? q.Value : -q.Value, q.Unit)
                    ?? throw new FhirPathEvaluationException($"Cannot add '{q.Unit}' to a {TypeName(t)}.");
            case (FhirPathQuantity l, FhirPathQuantity r) when op is "+" or "-":
                var converted = Ucum.ConvertTo(r, l.Unit);
                return converted is null ? null : new FhirPathQuantity(op == "+" ? l.Value + converted.Value : l.Value - converted.Value, l.Unit);
            case (FhirPathQuantity l, FhirPathQuantity r) when op is "*" or "/":
                return Ucum.Combine(l, r, op == "/");
            case (FhirPathQuantity l, long or decimal) when op is "*" or "/":
                var n = Convert.ToDecimal(right, System.Globalization.CultureInfo.InvariantCulture);
                return op == "*" ? l with { Value = l.Value * n } : n == 0 ? null : l with { Value = l.Value / n };
            case (long or decimal, FhirPathQuantity r) when op == "*":
                return r with { Value = r.Value * Convert.ToDecimal(left, System.Globalization.CultureInfo.InvariantCulture) };
            default:
                throw new FhirPathEvaluationException($"Operator '{op}' cannot be applied to {TypeName(left)} and {TypeName(right)}.");
        }
    }

    public static IReadOnlyList<FhirPathItem> Negate(IReadOnlyList<FhirPathItem> items)
    {
        var value = SingletonValue(items, "-");
        return value switch
        {
            null => Items.Empty,
            long l => Items.OfValue(-l),
            decimal d => Items.OfValue(-d),
            FhirPathQuantity q => Items.OfValue(q with { Value = -q.Value }),
            _ => throw new FhirPathEvaluationException($"Cannot negate a {TypeName(value)}."),
        };
    }

    public static string TypeName(object value) => FhirPathItem.Raw(value).TypeName;
}
