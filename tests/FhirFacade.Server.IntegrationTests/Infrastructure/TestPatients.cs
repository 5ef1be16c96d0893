using FhirFacade.Simulators.World;

namespace FhirFacade.Server.IntegrationTests.Infrastructure;

/// <summary>NHS numbers of the simulated world, so that each test can use its own patient.</summary>
public static class TestPatients
{
    /// <summary>The rich EMIS demo patient at A81001 (examples/demo-patients.json).</summary>
    public const string EmisRich = "9990000018";

    /// <summary>EMIS A81002 demo patient with confidential items.</summary>
    public const string ConfidentialItems = "9990000085";

    /// <summary>Resolved allergies and past problems, at EMIS A81001.</summary>
    public const string ResolvedHistory = "9990000123";

    /// <summary>A valid NHS number outside the simulated world.</summary>
    public const string Unknown = "9000000009";

    private static readonly Lazy<IReadOnlyList<string>> GeneratedEmis = new(FindGeneratedEmis);

    /// <summary>The n-th generated patient registered at an EMIS practice.</summary>
    public static string GeneratedAtEmis(int index) => GeneratedEmis.Value[index];

    private static List<string> FindGeneratedEmis()
    {
        var found = new List<string>();
        for (var n = 999_000_500L; found.Count < 20 && n < 999_100_000L; n++)
        {
            var candidate = WithCheckDigit(n);
            if (candidate is not null && SimulatorDirectory.HoldersOf(candidate).Any(h => h.Organisation.Supplier == SupplierKind.Emis && h.IsRegisteredPractice))
            {
                found.Add(candidate);
            }
        }

        return found;
    }

    private static string? WithCheckDigit(long firstNine)
    {
        var digits = firstNine.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        check = check == 11 ? 0 : check;
        return check == 10 ? null : digits + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
