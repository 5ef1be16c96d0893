using Xunit;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.TestKit.Suppliers;

/// <summary>
/// The rows every supplier adapter's patient-mismatch tests share: the supplier answers a question about one patient
/// with the record of a restricted demo patient (the dissenting or the sensitive one), once per resource type. Each row
/// is <c>(string restricted, string resourceType)</c>. The theories that use them are in
/// <see cref="SupplierAdapterPatientMismatchTests"/>; the asked patient, the fixture and each supplier's own restriction
/// flags stay in the supplier's subclass.
/// </summary>
public static class PatientMismatchCases
{
    /// <summary>The demo patient who dissented from sharing: asked about directly, a 403 <c>NO_PATIENT_CONSENT</c>.</summary>
    public const string Dissenting = "9990000069";

    /// <summary>The demo patient whose record is sensitive: asked about directly, a 404 <c>PATIENT_NOT_FOUND</c>.</summary>
    public const string Sensitive = "9990000077";

    private static readonly string[] Restricted = [Dissenting, Sensitive];

    /// <summary>Reads: every resource type, Medication included (read by the id a MedicationStatement search found).</summary>
    public static TheoryData<string, string> Reads => Rows(T.Patient, T.Condition, T.AllergyIntolerance, T.MedicationStatement, T.Medication);

    /// <summary>Searches: every patient-scoped resource type (Medication is not searched on its own).</summary>
    public static TheoryData<string, string> Searches => Rows(T.Patient, T.Condition, T.AllergyIntolerance, T.MedicationStatement);

    private static TheoryData<string, string> Rows(params string[] resourceTypes)
    {
        var rows = new TheoryData<string, string>();
        foreach (var restricted in Restricted)
        {
            foreach (var resourceType in resourceTypes)
            {
                rows.Add(restricted, resourceType);
            }
        }

        return rows;
    }
}
