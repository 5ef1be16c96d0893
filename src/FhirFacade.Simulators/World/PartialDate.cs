using System.Globalization;

namespace FhirFacade.Simulators.World;

/// <summary>A clinical date that may be known only to the year or the month.</summary>
internal sealed record PartialDate(int Year, int? Month = null, int? Day = null)
{
    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    public static PartialDate Of(DateOnly date) => new(date.Year, date.Month, date.Day);

    public static PartialDate Of(DateOnly date, DatePrecision precision) => precision switch
    {
        DatePrecision.Year => new(date.Year),
        DatePrecision.Month => new(date.Year, date.Month),
        _ => new(date.Year, date.Month, date.Day),
    };

    /// <summary>ISO 8601 form: yyyy, yyyy-MM or yyyy-MM-dd.</summary>
    public string ToIso() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
    };

    /// <summary>UK form: yyyy, MM/yyyy or dd/MM/yyyy.</summary>
    public string ToUk() => Precision switch
    {
        DatePrecision.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Month:D2}/{Year:D4}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Day:D2}/{Month:D2}/{Year:D4}"),
    };

    /// <summary>HL7 v2 DTM form: YYYY, YYYYMM or YYYYMMDD.</summary>
    public string ToHl7() => ToIso().Replace("-", string.Empty, StringComparison.Ordinal);

    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);
}
