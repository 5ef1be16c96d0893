using System.Globalization;
using FhirFacade.Simulators.World;

namespace FhirFacade.Suppliers.Vision.Tests;

/// <summary>Patients of the simulated world held by Vision, so that each test uses its own.</summary>
internal static class VisionTestPatients
{
    /// <summary>The rich Vision demo patient, registered at C83001 (notes with HL7 escapes).</summary>
    public const string Rich = "9990000034";

    /// <summary>The Vision demo patient with an explicit "no known allergies", at C83002.</summary>
    public const string NoKnownAllergies = "9990000115";

    /// <summary>The demo patient with records at all four suppliers (Vision C83002).</summary>
    public const string AllFour = "9990000050";

    /// <summary>The rich EMIS demo patient (not held by Vision).</summary>
    public const string Emis = "9990000018";

    private static readonly Lazy<IReadOnlyList<(string Nhs, string Ods)>> Generated = new(Find);

    /// <summary>The n-th generated patient registered at a Vision practice, with that practice's ODS code.</summary>
    public static (string Nhs, string Ods) GeneratedAtVision(int index) => Generated.Value[index];

    private static List<(string Nhs, string Ods)> Find()
    {
        var found = new List<(string, string)>();
        for (var n = 999_000_500L; found.Count < 30 && n < 999_100_000L; n++)
        {
            var candidate = WithCheckDigit(n);
            var holding = candidate is null ? null : SimulatorDirectory.HoldersOf(candidate).FirstOrDefault(h => h.Organisation.Supplier == SupplierKind.Vision && h.IsRegisteredPractice);
            if (holding is not null)
            {
                found.Add((candidate!, holding.Organisation.OdsCode));
            }
        }

        return found;
    }

    private static string? WithCheckDigit(long firstNine)
    {
        var digits = firstNine.ToString(CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        check = check == 11 ? 0 : check;
        return check == 10 ? null : digits + check.ToString(CultureInfo.InvariantCulture);
    }
}
