namespace FhirFacade.Simulators.World;

/// <summary>NHS number rules: 10 digits, Modulus 11 check digit (weights 10..2 on the first nine digits).</summary>
public static class NhsNumber
{
    /// <summary>Lowest number of the simulated world (inclusive).</summary>
    public const long WorldMinimum = 9990000000;

    /// <summary>Highest number of the simulated world (inclusive).</summary>
    public const long WorldMaximum = 9999999999;

    /// <summary>True when <paramref name="value"/> is 10 digits with a correct Modulus 11 check digit.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 10)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        var check = ComputeCheckDigit(value.AsSpan(0, 9));
        return check is not null && check.Value == value[9] - '0';
    }

    /// <summary>True when the number is valid and inside the simulated world's range (999 000 0000 – 999 999 9999).</summary>
    public static bool IsInWorld(string? value) =>
        IsValid(value) && long.Parse(value!, System.Globalization.CultureInfo.InvariantCulture) is >= WorldMinimum and <= WorldMaximum;

    /// <summary>The check digit for nine leading digits, or null when the remainder gives 10 (no valid number).</summary>
    public static int? ComputeCheckDigit(ReadOnlySpan<char> firstNine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (firstNine[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            11 => 0,
            10 => null,
            _ => check,
        };
    }

    /// <summary>The first valid in-world number strictly after <paramref name="nhsNumber"/>, wrapping at the end of the range.</summary>
    public static string NextInWorld(string nhsNumber)
    {
        var prefix = long.Parse(nhsNumber.AsSpan(0, 9), System.Globalization.CultureInfo.InvariantCulture);
        while (true)
        {
            prefix++;
            if (prefix > WorldMaximum / 10)
            {
                prefix = WorldMinimum / 10;
            }

            var nine = prefix.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            var check = ComputeCheckDigit(nine);
            if (check is not null)
            {
                return nine + check.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
