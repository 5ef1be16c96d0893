using System.Globalization;

namespace FhirFacade.Core.Search;

/// <summary>
/// Parses FHIR date and dateTime text (<c>2024</c>, <c>2024-03</c>, <c>2024-03-05</c>,
/// <c>2024-03-05T10:15</c>, <c>2024-03-05T10:15:30.5+01:00</c>) into the range it stands for
/// (<see href="https://hl7.org/fhir/R4/search.html#date"/>). Values without a zone are taken as UTC.
/// </summary>
public static class FhirDateParser
{
    private static readonly string[] _dateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary>Parses a date or dateTime into its range; <see langword="false"/> when the text is not one.</summary>
    public static bool TryParseRange(string? text, out DateRange range)
    {
        range = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        switch (text.Length)
        {
            case 4 when DateTimeOffset.TryParseExact(text, "yyyy", CultureInfo.InvariantCulture, styles, out var year):
                range = new DateRange(year, year.Year == DateTimeOffset.MaxValue.Year ? DateTimeOffset.MaxValue : year.AddYears(1));
                return true;
            case 7 when DateTimeOffset.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, styles, out var month):
                range = new DateRange(month, month.Year == DateTimeOffset.MaxValue.Year && month.Month == 12 ? DateTimeOffset.MaxValue : month.AddMonths(1));
                return true;
            case 10 when DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, styles, out var day):
                range = new DateRange(day, EndOf(day, TimeSpan.FromDays(1)));
                return true;
            case > 10 when DateTimeOffset.TryParseExact(text, _dateTimeFormats, CultureInfo.InvariantCulture, styles, out var instant):
                range = new DateRange(instant, EndOf(instant, Precision(text)));
                return true;
            default:
                return false;
        }
    }

    // The range of the last day (or second…) the calendar can write ends at the last representable
    // instant: a caller may ask for 9999-12-31, and that is a date, not a server error.
    private static DateTimeOffset EndOf(DateTimeOffset start, TimeSpan length) =>
        DateTimeOffset.MaxValue - start <= length ? DateTimeOffset.MaxValue : start + length;

    private static TimeSpan Precision(string text)
    {
        var time = text[11..];
        var zone = time.IndexOfAny(['Z', '+', '-']);
        var local = zone < 0 ? time : time[..zone];
        if (local.Length <= 5)
        {
            return TimeSpan.FromMinutes(1);
        }

        var dot = local.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return TimeSpan.FromSeconds(1);
        }

        var digits = Math.Min(local.Length - dot - 1, 7);
        return TimeSpan.FromTicks((long)Math.Pow(10, 7 - digits));
    }
}
