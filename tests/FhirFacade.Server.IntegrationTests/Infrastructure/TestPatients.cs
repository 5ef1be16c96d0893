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

    /// <summary>The demo patient with records at EMIS (A81002), TPP (RY801), Vision (C83002) and Microtest (L83100).</summary>
    public const string AllFourSuppliers = "9990000050";

    /// <summary>A valid NHS number outside the simulated world.</summary>
    public const string Unknown = "9000000009";

    private static readonly Lazy<IReadOnlyList<string>> GeneratedEmis = new(FindGeneratedEmis);

    private static readonly Lazy<ILookup<SupplierKind, string>> GeneratedOnlyAt = new(FindGeneratedOnlyAt);

    /// <summary>The n-th generated patient registered at an EMIS practice.</summary>
    public static string GeneratedAtEmis(int index) => GeneratedEmis.Value[index];

    /// <summary>
    /// The n-th generated patient whose only record is at one organisation of <paramref name="supplier"/>
    /// that shares every record area (so that organisation is the only source of anything about them).
    /// </summary>
    public static string OnlyAt(SupplierKind supplier, int index) => GeneratedOnlyAt.Value[supplier].ElementAt(index);

    /// <summary>The ODS code of the one organisation holding an <see cref="OnlyAt"/> patient.</summary>
    public static string HolderOf(string nhsNumber) => SimulatorDirectory.HoldersOf(nhsNumber).Single().Organisation.OdsCode;

    private static ILookup<SupplierKind, string> FindGeneratedOnlyAt()
    {
        var found = new List<(SupplierKind Supplier, string NhsNumber)>();
        for (var n = 999_001_500L; n < 999_003_000L; n++)
        {
            if (WithCheckDigit(n) is { } candidate
                && SimulatorDirectory.HoldersOf(candidate) is [{ Organisation: { ThirdPartySharing: true, SharedAreas: RecordAreas.All } organisation }])
            {
                found.Add((organisation.Supplier, candidate));
            }
        }

        return found.ToLookup(f => f.Supplier, f => f.NhsNumber);
    }

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
