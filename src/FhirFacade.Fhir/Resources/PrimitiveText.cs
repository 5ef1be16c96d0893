using System.Globalization;

namespace FhirFacade.Fhir.Resources;

/// <summary>Converts the C# values of boolean, integer and decimal primitives to and from their FHIR lexical form.</summary>
internal static class PrimitiveText
{
    public static string FromBoolean(bool value) => value ? "true" : "false";

    public static string FromInteger(int value) => value.ToString(CultureInfo.InvariantCulture);

    // System.Decimal keeps its scale, so 1.50 is written back as 1.50 (FHIR decimals keep their precision).
    public static string FromDecimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static bool? ToBoolean(string? text) => text switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    public static int? ToInteger(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static decimal? ToDecimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
