using System.Collections.Frozen;

namespace FhirFacade.Fhir.FhirPath.Values;

/// <summary>
/// The small part of UCUM (<see href="https://ucum.org/ucum"/>) FHIRPath needs for comparing and
/// combining quantities in primary-care data: mass, volume, length, time and dimensionless units,
/// each as a factor to a base unit. Calendar keywords map to their definite UCUM durations except
/// <c>year</c> and <c>month</c>, which only compare with each other.
/// </summary>
internal static class Ucum
{
    private static readonly FrozenDictionary<string, (decimal Factor, string Base)> Units = new Dictionary<string, (decimal, string)>(StringComparer.Ordinal)
    {
        ["ug"] = (0.000001m, "g"),
        ["mg"] = (0.001m, "g"),
        ["g"] = (1m, "g"),
        ["kg"] = (1000m, "g"),
        ["[lb_av]"] = (453.59237m, "g"),
        ["[oz_av]"] = (28.349523125m, "g"),
        ["uL"] = (0.000001m, "L"),
        ["mL"] = (0.001m, "L"),
        ["dL"] = (0.1m, "L"),
        ["L"] = (1m, "L"),
        ["l"] = (1m, "L"),
        ["um"] = (0.000001m, "m"),
        ["mm"] = (0.001m, "m"),
        ["cm"] = (0.01m, "m"),
        ["m"] = (1m, "m"),
        ["km"] = (1000m, "m"),
        ["[in_i]"] = (0.0254m, "m"),
        ["[ft_i]"] = (0.3048m, "m"),
        ["ms"] = (0.001m, "s"),
        ["s"] = (1m, "s"),
        ["min"] = (60m, "s"),
        ["h"] = (3600m, "s"),
        ["d"] = (86400m, "s"),
        ["wk"] = (604800m, "s"),
        ["mo"] = (2629800m, "s"),
        ["a"] = (31557600m, "s"),
        ["millisecond"] = (0.001m, "s"),
        ["second"] = (1m, "s"),
        ["minute"] = (60m, "s"),
        ["hour"] = (3600m, "s"),
        ["day"] = (86400m, "s"),
        ["week"] = (604800m, "s"),
        ["month"] = (1m, "month"),
        ["year"] = (12m, "month"),
        ["1"] = (1m, "1"),
        ["%"] = (0.01m, "1"),
        ["m2"] = (1m, "m2"),
        ["cm2"] = (0.0001m, "m2"),
        ["kg/m2"] = (1000m, "g/m2"),
        ["g/m2"] = (1m, "g/m2"),
        ["mmol/L"] = (1m, "mmol/L"),
        ["mg/dL"] = (10m, "g/L"),
        ["g/L"] = (1m, "g/L"),
        ["g/dL"] = (10m, "g/L"),
        ["mg/L"] = (0.001m, "g/L"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, decimal> DurationMs = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["week"] = 604_800_000m,
        ["day"] = 86_400_000m,
        ["hour"] = 3_600_000m,
        ["minute"] = 60_000m,
        ["second"] = 1000m,
        ["millisecond"] = 1m,
        ["wk"] = 604_800_000m,
        ["d"] = 86_400_000m,
        ["h"] = 3_600_000m,
        ["min"] = 60_000m,
        ["s"] = 1000m,
        ["ms"] = 1m,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary><see langword="true"/> for the FHIRPath calendar duration keywords (singular form).</summary>
    public static bool IsCalendarUnit(string unit) =>
        unit is "year" or "month" or "week" or "day" or "hour" or "minute" or "second" or "millisecond";

    /// <summary><c>days</c> → <c>day</c>.</summary>
    public static string NormalizeCalendarKeyword(string keyword) =>
        keyword.EndsWith('s') ? keyword[..^1] : keyword;

    /// <summary>Milliseconds in one unit of a definite duration, or <see langword="null"/> (<c>'a'</c>, <c>'mo'</c> and non-time units are not usable in date arithmetic).</summary>
    public static decimal? DurationMilliseconds(string unit) =>
        DurationMs.TryGetValue(unit, out var ms) ? ms : null;

    /// <summary>Converts <paramref name="quantity"/> to <paramref name="targetUnit"/>; <see langword="null"/> when the units are not commensurable.</summary>
    public static decimal? ConvertTo(FhirPathQuantity quantity, string targetUnit)
    {
        if (quantity.Unit == targetUnit)
        {
            return quantity.Value;
        }

        if (!Units.TryGetValue(quantity.Unit, out var from) || !Units.TryGetValue(targetUnit, out var to) || from.Base != to.Base)
        {
            return null;
        }

        return quantity.Value * from.Factor / to.Factor;
    }

    /// <summary>Multiplies or divides two quantities, combining units; <see langword="null"/> when a unit is unknown.</summary>
    public static FhirPathQuantity? Combine(FhirPathQuantity left, FhirPathQuantity right, bool divide)
    {
        var (lf, lb) = Units.TryGetValue(left.Unit, out var l) ? l : (1m, left.Unit);
        var (rf, rb) = Units.TryGetValue(right.Unit, out var r) ? r : (1m, right.Unit);
        var lv = left.Value * lf;
        var rv = right.Value * rf;
        if (divide)
        {
            if (rv == 0)
            {
                return null;
            }

            var unit = lb == rb ? "1" : rb == "1" ? lb : lb == "1" ? "1/" + rb : lb + "/" + rb;
            return new FhirPathQuantity(lv / rv, unit);
        }

        var product = lb == rb && lb != "1" ? lb + "2" : lb == "1" ? rb : rb == "1" ? lb : lb + "." + rb;
        return new FhirPathQuantity(lv * rv, product);
    }
}
