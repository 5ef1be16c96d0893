using System.Globalization;
using System.Text.RegularExpressions;

namespace FhirFacade.Fhir.Primitives;

/// <summary>
/// The lexical rules of the FHIR R4 primitive types
/// (<see href="https://hl7.org/fhir/R4/datatypes.html#primitive">R4 data types, primitive types</see>):
/// the regular expressions published there, the integer ranges, the 1 MB string limit and real
/// calendar dates. Shared by the JSON and XML readers and the validator. Thread-safe, allocation-free
/// for valid values of most types.
/// </summary>
public static partial class FhirPrimitives
{
    /// <summary>The maximum size of a string value: 1 MB (1,048,576 characters).</summary>
    public const int MaxStringLength = 1024 * 1024;

    /// <summary>The maximum length of an <c>id</c>.</summary>
    public const int MaxIdLength = 64;

    /// <summary><see langword="true"/> when <paramref name="text"/> is a valid lexical form of the FHIR primitive <paramref name="fhirType"/>.</summary>
    /// <param name="fhirType">The FHIR primitive type code (<c>date</c>, <c>positiveInt</c>, <c>code</c>…). Unknown types accept any non-empty text.</param>
    /// <param name="text">The value as written (JSON string content or number text, XML <c>value</c> attribute).</param>
    public static bool IsValid(string fhirType, string text) => Validate(fhirType, text) is null;

    /// <summary>
    /// Checks a lexical value and explains what is wrong, or returns <see langword="null"/> when it is valid.
    /// The message names the rule, never the value (which may be patient data).
    /// </summary>
    public static string? Validate(string fhirType, string text)
    {
        ArgumentNullException.ThrowIfNull(fhirType);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return "a primitive value must not be empty";
        }

        if (text.Length > MaxStringLength)
        {
            return $"a primitive value must not be longer than {MaxStringLength} characters";
        }

        return fhirType switch
        {
            "boolean" => text is "true" or "false" ? null : "a boolean must be true or false",
            "integer" => ValidateInteger(text, IntegerRegex(), int.MinValue, "an integer must be a whole number without fraction, exponent or leading zeros, within the 32-bit signed range"),
            "positiveInt" => ValidateInteger(text, PositiveIntRegex(), 1, "a positiveInt must be a whole number from 1 up to the 32-bit signed maximum"),
            "unsignedInt" => ValidateInteger(text, UnsignedIntRegex(), 0, "an unsignedInt must be a whole number from 0 up to the 32-bit signed maximum"),
            "decimal" => DecimalRegex().IsMatch(text) ? null : "a decimal must be a number such as 1, -0.5 or 1.50e3 (no leading zeros, no leading +)",
            "date" => DateRegex().IsMatch(text) && IsRealDate(text) ? null : "a date must be YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)",
            "dateTime" => DateTimeRegex().IsMatch(text) && IsRealDate(text) ? null : "a dateTime must be YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss(.s)+zz:zz with a time zone",
            "instant" => InstantRegex().IsMatch(text) && IsRealDate(text) ? null : "an instant must be YYYY-MM-DDThh:mm:ss(.s)+zz:zz with seconds and a time zone",
            "time" => TimeRegex().IsMatch(text) ? null : "a time must be hh:mm:ss(.s) without a time zone",
            "code" => IsCode(text) ? null : "a code must not have leading or trailing whitespace, nor more than one space in a row",
            "id" => IsId(text) ? null : "an id must be 1 to 64 characters of A-Z, a-z, 0-9, '-' and '.'",
            "uri" or "url" or "canonical" => HasNoWhitespace(text) ? null : $"a {fhirType} must not contain whitespace",
            "oid" => OidRegex().IsMatch(text) ? null : "an oid must be urn:oid: followed by a dotted number such as 1.2.3",
            "uuid" => UuidRegex().IsMatch(text) ? null : "a uuid must be urn:uuid: followed by a lower-case UUID",
            "base64Binary" => IsBase64(text) ? null : "a base64Binary must be base64 text (A-Z, a-z, 0-9, '+', '/', padded with '=' to a multiple of 4)",
            "string" or "markdown" => HasOnlyWhitespace(text) ? $"a {fhirType} must contain at least one non-whitespace character" : null,
            _ => null,
        };
    }

    /// <summary><see langword="true"/> for the R4 primitive type codes.</summary>
    public static bool IsPrimitiveType(string fhirType) => fhirType is "boolean" or "integer" or "positiveInt" or "unsignedInt"
        or "decimal" or "date" or "dateTime" or "instant" or "time" or "code" or "id" or "uri" or "url" or "canonical"
        or "oid" or "uuid" or "base64Binary" or "string" or "markdown" or "xhtml";

    private static string? ValidateInteger(string text, Regex regex, long minimum, string message)
    {
        if (!regex.IsMatch(text) || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return message;
        }

        return value < minimum || value > int.MaxValue ? message : null;
    }

    /// <summary>The R4 code rule <c>[^\s]+(\s[^\s]+)*</c>: no leading, trailing or repeated whitespace.</summary>
    private static bool IsCode(string text)
    {
        var previousWasSpace = true;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c);
            if (isSpace && previousWasSpace)
            {
                return false;
            }

            previousWasSpace = isSpace;
        }

        return !previousWasSpace;
    }

    /// <summary>The R4 id rule <c>[A-Za-z0-9\-\.]{1,64}</c>.</summary>
    private static bool IsId(string text)
    {
        if (text.Length > MaxIdLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The R4 uri rule <c>\S*</c>.</summary>
    private static bool HasNoWhitespace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasOnlyWhitespace(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Rejects regex-valid but impossible dates such as <c>2023-02-30</c>.</summary>
    private static bool IsRealDate(string text)
    {
        if (text.Length < 10)
        {
            return true;
        }

        var year = int.Parse(text.AsSpan(0, 4), CultureInfo.InvariantCulture);
        var month = int.Parse(text.AsSpan(5, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(text.AsSpan(8, 2), CultureInfo.InvariantCulture);
        return year >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static bool IsBase64(string text)
    {
        var count = 0;
        var padding = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (c == '=')
            {
                padding++;
            }
            else if (padding > 0 || !(char.IsAsciiLetterOrDigit(c) || c == '+' || c == '/'))
            {
                return false;
            }

            count++;
        }

        return count > 0 && count % 4 == 0 && padding <= 2;
    }

    [GeneratedRegex(@"^-?([0]|([1-9][0-9]*))\z", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerRegex();

    [GeneratedRegex(@"^\+?[1-9][0-9]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PositiveIntRegex();

    [GeneratedRegex(@"^([0]|([1-9][0-9]*))\z", RegexOptions.CultureInvariant)]
    private static partial Regex UnsignedIntRegex();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalRegex();

    [GeneratedRegex(@"^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeRegex();

    [GeneratedRegex(@"^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))\z", RegexOptions.CultureInvariant)]
    private static partial Regex InstantRegex();

    [GeneratedRegex(@"^([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimeRegex();




    [GeneratedRegex(@"^urn:oid:[0-2](\.(0|[1-9][0-9]*))+\z", RegexOptions.CultureInvariant)]
    private static partial Regex OidRegex();

    [GeneratedRegex(@"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex UuidRegex();
}
