using FhirFacade.Simulators.World;

namespace FhirFacade.Simulators.Hosting;

/// <summary>Checks shared by every simulator before answering about a patient.</summary>
internal static class SupplierGuard
{
    /// <summary>True when the value is ten digits (the check digit is not checked here).</summary>
    public static bool IsWellFormed(string? nhsNumber) =>
        nhsNumber is { Length: 10 } && nhsNumber.All(char.IsAsciiDigit);

    /// <summary>
    /// The records this supplier holds for the NHS number; with the wrong-patient fault, another
    /// patient's records at the same organisations.
    /// </summary>
    public static IReadOnlyList<ClinicalRecord> Records(string nhsNumber, SupplierKind supplier, bool wrongPatient)
    {
        var records = PatientWorld.RecordsAt(nhsNumber, supplier);
        if (!wrongPatient || records.Count == 0)
        {
            return records;
        }

        var other = NhsNumber.NextInWorld(nhsNumber);
        return records.Select(r => PatientWorld.RecordFor(other, r.Holding)).ToArray();
    }
}
