using System.Diagnostics.CodeAnalysis;

namespace FhirFacade.Core.Identity;

/// <summary>
/// A ten-digit NHS number whose Modulus 11 check digit is correct (weights 10..2 over the first
/// nine digits; check = 11 − (sum mod 11); 11 becomes 0; 10 means the number is invalid).
/// </summary>
public readonly record struct NhsNumber
{
    private NhsNumber(string value) => Value = value;

    /// <summary>The ten digits, without spaces.</summary>
    public string Value { get; }

    /// <summary>Parses ten digits (no spaces) with a valid check digit.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out NhsNumber nhsNumber)
    {
        nhsNumber = default;
        if (!IsValid(text))
        {
            return false;
        }

        nhsNumber = new NhsNumber(text!);
        return true;
    }

    /// <summary><see langword="true"/> when <paramref name="text"/> is ten digits with a valid Modulus 11 check digit.</summary>
    public static bool IsValid([NotNullWhen(true)] string? text)
    {
        if (text is null || text.Length != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            if (i < 9)
            {
                sum += (text[i] - '0') * (10 - i);
            }
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == text[9] - '0';
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
