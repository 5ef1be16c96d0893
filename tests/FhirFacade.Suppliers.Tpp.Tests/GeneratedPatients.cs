using System.Globalization;
using FhirFacade.Simulators.World;

namespace FhirFacade.Suppliers.Tpp.Tests;

/// <summary>Generated patients of the simulated world held at a given unit, so that each fault test has its own patient.</summary>
internal static class GeneratedPatients
{
    /// <summary>The <paramref name="index"/>-th generated patient (from 999 000 1000) held at <paramref name="odsCode"/>.</summary>
    public static string At(string odsCode, int index) =>
        Enumerable.Range(1000, 100_000)
            .Select(n => "999" + n.ToString("D6", CultureInfo.InvariantCulture))
            .SelectMany(WithCheckDigit)
            .Where(nhs => SimulatorDirectory.HoldersOf(nhs).Any(h => h.Organisation.OdsCode == odsCode))
            .Skip(index)
            .First();

    private static IEnumerable<string> WithCheckDigit(string nine) =>
        Enumerable.Range(0, 10).Select(d => nine + d.ToString(CultureInfo.InvariantCulture)).Where(FhirFacade.Core.Identity.NhsNumber.IsValid).Take(1);
}
