using System.Globalization;

namespace FhirFacade.Simulators.World;

/// <summary>
/// Demographic search over the simulated world, for the suppliers' "find patient by name and date of
/// birth" queries. The world is a pure function of the NHS number and cannot be searched by name in
/// full, so the index covers the curated demo patients and the generated patients of the first
/// <see cref="GeneratedCount"/> valid numbers from 999 000 0000 — enough for realistic name
/// collisions, built once, lazily.
/// </summary>
internal static class DemographicIndex
{
    /// <summary>How many generated patients the index holds besides the demo patients.</summary>
    public const int GeneratedCount = 20_000;

    private static readonly Lazy<IReadOnlyList<Demographics>> People = new(Build);

    /// <summary>
    /// NHS numbers, in ascending order, of the people whose current or previous family name starts with
    /// <paramref name="family"/> (case-insensitive) and, when given, who were born on <paramref name="birthDate"/>,
    /// and who have a record with <paramref name="supplier"/> (at <paramref name="odsCode"/> when given).
    /// </summary>
    public static IReadOnlyList<string> Find(string family, DateOnly? birthDate, SupplierKind supplier, string? odsCode = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        var prefix = family.Trim();
        return [.. People.Value
            .Where(p => StartsWith(p.FamilyName, prefix) || (p.PreviousFamilyName is { } previous && StartsWith(previous, prefix)))
            .Where(p => birthDate is null || p.BirthDate == birthDate)
            .Where(p => PatientWorld.HoldersOf(p.NhsNumber).Any(h =>
                h.Organisation.Supplier == supplier && (odsCode is null || string.Equals(h.Organisation.OdsCode, odsCode, StringComparison.OrdinalIgnoreCase))))
            .Select(p => p.NhsNumber)
            .Order(StringComparer.Ordinal)];
    }

    private static bool StartsWith(string name, string prefix) =>
        CultureInfo.InvariantCulture.CompareInfo.IsPrefix(name, prefix, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);

    private static List<Demographics> Build()
    {
        var people = DemoPatients.All.Select(d => d.Demographics).ToList();
        var demo = people.Select(p => p.NhsNumber).ToHashSet(StringComparer.Ordinal);
        var number = NhsNumber.NextInWorld((NhsNumber.WorldMinimum - 10).ToString(CultureInfo.InvariantCulture));
        for (var added = 0; added < GeneratedCount; number = NhsNumber.NextInWorld(number))
        {
            if (!demo.Contains(number))
            {
                people.Add(PatientWorld.DemographicsOf(number));
                added++;
            }
        }

        return people;
    }
}
