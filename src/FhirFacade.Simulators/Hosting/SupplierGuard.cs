using FhirFacade.Simulators.Faults;
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
    /// patient's records at the same organisations (the patient the fault names, else the next NHS number in the world);
    /// with the stand-in fault, the named demo patient's record content and flags under the asked patient's demographics.
    /// </summary>
    public static IReadOnlyList<ClinicalRecord> Records(string nhsNumber, SupplierKind supplier, AppliedFaults faults)
    {
        var records = PatientWorld.RecordsAt(nhsNumber, supplier);
        if (records.Count > 0 && !faults.WrongPatient && faults.StandInRecordOf is { } standIn)
        {
            return records
                .Select(r => PatientWorld.RecordInPlaceOf(standIn, r.Holding) with { Demographics = r.Demographics })
                .Select(r => faults.StandInRevealsConfidential ? NothingConfidential(r) : r)
                .ToArray();
        }

        if (!faults.WrongPatient || records.Count == 0)
        {
            return records;
        }

        if (faults.WrongPatientAnswer is { } named)
        {
            return records.Select(r => PatientWorld.RecordInPlaceOf(named, r.Holding)).ToArray();
        }

        var other = NhsNumber.NextInWorld(nhsNumber);
        return records.Select(r => PatientWorld.RecordFor(other, r.Holding)).ToArray();
    }

    private static ClinicalRecord NothingConfidential(ClinicalRecord record) => record with
    {
        Problems = [.. record.Problems.Select(p => p with { Confidential = false })],
        Allergies = [.. record.Allergies.Select(a => a with { Confidential = false })],
        Medications = [.. record.Medications.Select(m => m with { Confidential = false })],
    };
}
