using System.Globalization;
using System.Text.RegularExpressions;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// The lexical forms of the R4 primitive types, from the <c>regex</c> extensions of their
/// StructureDefinitions (<see href="https://hl7.org/fhir/R4/datatypes.html#primitive"/>), plus the
/// checks a regex cannot make (calendar dates, 32-bit integer range).
/// </summary>
internal static partial class PrimitiveForms
{
    private const string DatePart = @"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?";
    private const string TimePart = @"([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?";
    private const string ZonePart = @"(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))";

    /// <summary><see langword="true"/> when <paramref name="text"/> is a valid lexical form of <paramref name="type"/>; unknown types pass.</summary>
    public static bool IsValid(string type, string text) => type switch
    {
        "boolean" => text is "true" or "false",
        "integer" => IntegerRegex().IsMatch(text) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "unsignedInt" => UnsignedIntRegex().IsMatch(text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _),
        "positiveInt" => PositiveIntRegex().IsMatch(text) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "decimal" => DecimalRegex().IsMatch(text),
        "string" or "markdown" => text.Length > 0 && !string.IsNullOrWhiteSpace(text),
        "code" => CodeRegex().IsMatch(text),
        "id" => IdRegex().IsMatch(text),
        "uri" or "url" or "canonical" => text.Length > 0 && !text.Any(char.IsWhiteSpace),
        "oid" => OidRegex().IsMatch(text),
        "uuid" => UuidRegex().IsMatch(text),
        "base64Binary" => Base64Regex().IsMatch(text),
        "date" => DateRegex().IsMatch(text) && IsCalendarDate(text),
        "dateTime" => DateTimeRegex().IsMatch(text) && IsCalendarDate(text),
        "instant" => InstantRegex().IsMatch(text) && IsCalendarDate(text),
        "time" => TimeRegex().IsMatch(text),
        _ => true,
    };

    // The regexes allow 2021-02-31; the calendar does not.
    private static bool IsCalendarDate(string text)
    {
        if (text.Length < 10)
        {
            return true;
        }

        var year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var month = int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(text.AsSpan(8, 2), CultureInfo.InvariantCulture);
        return day <= DateTime.DaysInMonth(year, month);
    }

    [GeneratedRegex(@"^[0]$|^[-+]?[1-9][0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerRegex();

    [GeneratedRegex(@"^([0]|([1-9][0-9]*))$", RegexOptions.CultureInvariant)]
    private static partial Regex UnsignedIntRegex();

    [GeneratedRegex(@"^\+?[1-9][0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PositiveIntRegex();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalRegex();

    [GeneratedRegex(@"^[^\s]+(\s[^\s]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeRegex();

    [GeneratedRegex(@"^[A-Za-z0-9\-\.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$", RegexOptions.CultureInvariant)]
    private static partial Regex OidRegex();

    [GeneratedRegex(@"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex UuidRegex();

    [GeneratedRegex(@"^(\s*([0-9a-zA-Z\+/=]){4}\s*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex Base64Regex();

    [GeneratedRegex("^" + DatePart + "$", RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    [GeneratedRegex("^" + DatePart + "(T" + TimePart + ZonePart + ")?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeRegex();

    [GeneratedRegex(@"^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T" + TimePart + ZonePart + "$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantRegex();

    [GeneratedRegex("^" + TimePart + "$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRegex();
}
