using System.Globalization;
using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Hosting;

/// <summary>Shared spelling of neutral-model values used by several native formats.</summary>
internal static class NativeText
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Uk(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Hl7(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Lower(Enum value) => value.ToString().ToLowerInvariant();

    /// <summary>The start date as the supplier writes it; the impossible-date defect writes the 30th of February.</summary>
    public static string StartDate(MedicationEntry medication, Func<DateOnly, string> format) =>
        medication.Broken == BrokenData.ImpossibleDate
            ? format(new DateOnly(medication.StartDate.Year, 2, 28)).Replace("28", "30", StringComparison.Ordinal)
            : format(medication.StartDate);

    /// <summary>The drug code as the supplier writes it (null when the defect removes it).</summary>
    public static string? DrugCode(MedicationEntry medication) => medication.Broken switch
    {
        BrokenData.MissingDrugCode => null,
        BrokenData.InvalidDrugCode => "SENNA-7.5",
        _ => medication.Medicine.DmdId,
    };

    public static string Sex(AdministrativeSex sex) => sex switch
    {
        AdministrativeSex.Male => "M",
        AdministrativeSex.Female => "F",
        _ => "U",
    };
}
