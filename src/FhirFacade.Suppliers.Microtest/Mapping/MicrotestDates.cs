using System.Globalization;

namespace FhirFacade.Suppliers.Microtest.Mapping;

/// <summary>
/// Evolution's UK dates as FHIR dates, precision kept: <c>dd/MM/yyyy</c> → <c>yyyy-MM-dd</c>,
/// <c>MM/yyyy</c> → <c>yyyy-MM</c>, <c>yyyy</c> → <c>yyyy</c>. Impossible dates (<c>30/02/2026</c>) are
/// <see langword="null"/>, never an exception.
/// </summary>
internal static class MicrotestDates
{
    /// <summary>A full or partial date in FHIR form, or <see langword="null"/> when the text is not one.</summary>
    public static string? Partial(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length switch
        {
            10 => Full(text),
            7 when DateOnly.TryParseExact("01/" + text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) =>
                FhirDates.YearMonth(month.Year, month.Month),
            4 when DateOnly.TryParseExact("01/01/" + text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var year) =>
                FhirDates.Year(year.Year),
            _ => null,
        };
    }

    /// <summary>A full <c>dd/MM/yyyy</c> date in FHIR form, or <see langword="null"/> when the text is not a real date.</summary>
    public static string? Full(string? text) =>
        DateOnly.TryParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? FhirDates.Date(date) : null;
}
