using System.Globalization;

namespace FhirFacade.Suppliers.Vision.Mapping;

/// <summary>
/// HL7 DTM dates as FHIR dates, precision kept: <c>yyyyMMdd</c> → <c>yyyy-MM-dd</c>, <c>yyyyMM</c> → <c>yyyy-MM</c>,
/// <c>yyyy</c> → <c>yyyy</c>. Impossible dates (<c>20260230</c>) are <see langword="null"/>, never an exception.
/// </summary>
internal static class VisionDates
{
    /// <summary>A full or partial date in FHIR form, or <see langword="null"/> when the text is not one.</summary>
    public static string? Partial(string? text) => text?.Length switch
    {
        8 => Full(text),
        6 when DateOnly.TryParseExact(text + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) =>
            FhirDates.YearMonth(month.Year, month.Month),
        4 when DateOnly.TryParseExact(text + "0101", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var year) =>
            FhirDates.Year(year.Year),
        _ => null,
    };

    /// <summary>A full <c>yyyyMMdd</c> date in FHIR form, or <see langword="null"/> when the text is not a real date.</summary>
    public static string? Full(string? text) =>
        DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? FhirDates.Date(date) : null;
}
