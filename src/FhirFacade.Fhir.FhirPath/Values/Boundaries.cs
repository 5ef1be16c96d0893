namespace FhirFacade.Fhir.FhirPath.Values;

/// <summary>
/// <c>lowBoundary</c>, <c>highBoundary</c> and <c>precision</c>
/// (<see href="https://build.fhir.org/ig/HL7/FHIRPath/#lowboundaryprecision-integer-decimal--date--datetime--time"/>):
/// the smallest and largest values a value of limited precision could stand for.
/// </summary>
internal static class Boundaries
{
    private const int DefaultDecimalPrecision = 8;

    public static decimal? Decimal(decimal value, int scale, int? precision, bool high)
    {
        var digits = precision ?? DefaultDecimalPrecision;
        if (digits is < 0 or > 28)
        {
            return null;
        }

        var half = 0.5m / Pow10(scale);
        var bound = high ? value + half : value - half;
        var rounded = high == (bound >= 0)
            ? Math.Round(bound, digits, MidpointRounding.AwayFromZero)
            : Math.Round(bound, digits, MidpointRounding.ToZero);
        return WithScale(rounded, digits);
    }

    public static FhirPathTemporal? Temporal(FhirPathTemporal value, int? precision, bool high)
    {
        var kind = value.Kind;
        var digits = precision ?? (kind == FhirPathTemporalKind.Time ? 9 : kind == FhirPathTemporalKind.Date ? 8 : 17);
        FhirPathPrecision target;
        if (kind == FhirPathTemporalKind.Time)
        {
            target = digits switch { 2 => FhirPathPrecision.Hour, 4 => FhirPathPrecision.Minute, 6 => FhirPathPrecision.Second, 9 => FhirPathPrecision.Millisecond, _ => (FhirPathPrecision)(-1) };
        }
        else
        {
            target = digits switch
            {
                4 => FhirPathPrecision.Year,
                6 => FhirPathPrecision.Month,
                8 => FhirPathPrecision.Day,
                10 when kind == FhirPathTemporalKind.DateTime => FhirPathPrecision.Hour,
                12 when kind == FhirPathTemporalKind.DateTime => FhirPathPrecision.Minute,
                14 when kind == FhirPathTemporalKind.DateTime => FhirPathPrecision.Second,
                17 when kind == FhirPathTemporalKind.DateTime => FhirPathPrecision.Millisecond,
                _ => (FhirPathPrecision)(-1),
            };
        }

        if (target < 0)
        {
            return null;
        }

        var known = value.Precision == FhirPathPrecision.Hour ? FhirPathPrecision.Minute : value.Precision;
        var year = value.Year;
        var month = known >= FhirPathPrecision.Month ? value.Month : high ? 12 : 1;
        var day = known >= FhirPathPrecision.Day ? value.Day : high ? DateTime.DaysInMonth(Math.Max(year, 1), month) : 1;
        var hour = known >= FhirPathPrecision.Hour ? value.Hour : high ? 23 : 0;
        var minute = known >= FhirPathPrecision.Minute ? value.Minute : high ? 59 : 0;
        var second = known >= FhirPathPrecision.Second ? value.Second : high ? 59 : 0;
        var ms = known >= FhirPathPrecision.Millisecond ? value.Millisecond : high ? 999 : 0;
        var offset = value.Offset;
        if (kind == FhirPathTemporalKind.DateTime && offset is null && target >= FhirPathPrecision.Hour)
        {
            offset = high ? TimeSpan.FromHours(-12) : TimeSpan.FromHours(14);
        }

        if (target < FhirPathPrecision.Hour)
        {
            offset = null;
        }

        return FhirPathTemporal.Create(kind, target, year, month, day, hour, minute, second, ms, offset);
    }

    public static int? Precision(object value) => value switch
    {
        decimal d => d.Scale,
        long => 0,
        FhirPathTemporal { Kind: FhirPathTemporalKind.Time } t => t.Precision switch
        {
            FhirPathPrecision.Hour => 2,
            FhirPathPrecision.Minute => 4,
            FhirPathPrecision.Second => 6,
            _ => 9,
        },
        FhirPathTemporal t => t.Precision switch
        {
            FhirPathPrecision.Year => 4,
            FhirPathPrecision.Month => 6,
            FhirPathPrecision.Day => 8,
            FhirPathPrecision.Hour => 10,
            FhirPathPrecision.Minute => 12,
            FhirPathPrecision.Second => 14,
            _ => 17,
        },
        _ => null,
    };

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }

    private static decimal WithScale(decimal value, int scale)
    {
        // Adding 0 with the wanted scale widens the scale; rounding narrows it.
        var widened = value + new decimal(0, 0, 0, false, (byte)scale);
        return Math.Round(widened, scale);
    }
}
