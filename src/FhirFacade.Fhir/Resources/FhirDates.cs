using System.Globalization;

namespace FhirFacade.Fhir.Resources;

/// <summary>
/// Produces the FHIR lexical forms of <c>date</c>, <c>dateTime</c>, <c>instant</c> and <c>time</c>
/// (<see href="https://hl7.org/fhir/R4/datatypes.html#primitive"/>), which the typed model holds as
/// strings so that partial dates (<c>2019</c>, <c>2019-03</c>) survive unchanged:
/// <c>BirthDate = FhirDates.Date(dob)</c>, <c>Onset = new FhirDateTime(FhirDates.YearMonth(2019, 3))</c>.
/// </summary>
public static class FhirDates
{
    /// <summary>A full date, <c>YYYY-MM-DD</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A year-only partial date, <c>YYYY</c> (valid for <c>date</c> and <c>dateTime</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the year is not 1–9999.</exception>
    public static string Year(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        return year.ToString("D4", CultureInfo.InvariantCulture);
    }

    /// <summary>A year-and-month partial date, <c>YYYY-MM</c> (valid for <c>date</c> and <c>dateTime</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the year or month is out of range.</exception>
    public static string YearMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return Year(year) + "-" + month.ToString("D2", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A <c>dateTime</c> to the second with its offset (<c>2019-03-04T10:15:00+01:00</c>; UTC as <c>Z</c>);
    /// milliseconds are written only when present.
    /// </summary>
    public static string DateTime(DateTimeOffset value)
    {
        var format = value.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.fff";
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return value.Offset == TimeSpan.Zero ? text + "Z" : text + value.ToString("zzz", CultureInfo.InvariantCulture);
    }

    /// <summary>An <c>instant</c>: same form as <see cref="DateTime(DateTimeOffset)"/> (seconds and offset are always present).</summary>
    public static string Instant(DateTimeOffset value) => DateTime(value);

    /// <summary>A <c>time</c> of day, <c>hh:mm:ss</c> (milliseconds only when present).</summary>
    public static string Time(TimeOnly value) =>
        value.ToString(value.Millisecond == 0 ? "HH:mm:ss" : "HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
