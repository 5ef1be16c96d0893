using System.Collections.Frozen;

namespace FhirFacade.Core.Search;

/// <summary>
/// The FHIR R4 Patient compartment (<see href="https://hl7.org/fhir/R4/compartmentdefinition-patient.html"/>) as far
/// as the facade serves it: <c>Patient/{id}/{type}</c> is the search <c>{type}?patient=Patient/{id}</c> for the clinical
/// types, and <c>Patient?_id={id}</c> for Patient itself (the resource that defines the compartment; the <c>link</c>
/// membership the definition also gives is not served, as the facade follows no links between patients). Types the
/// facade serves that the definition leaves out (Medication, Organization, Practitioner) have no compartment search.
/// </summary>
public static class PatientCompartment
{
    /// <summary>The canonical URL of the compartment definition, declared in the CapabilityStatement.</summary>
    public const string Definition = "http://hl7.org/fhir/CompartmentDefinition/patient";

    private static readonly FrozenSet<string> _members = new[]
    {
        FhirResourceTypes.Patient,
        FhirResourceTypes.AllergyIntolerance,
        FhirResourceTypes.Condition,
        FhirResourceTypes.MedicationStatement,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary><see langword="true"/> when the definition puts <paramref name="resourceType"/> in the Patient compartment and the facade searches it so.</summary>
    public static bool Contains(string resourceType) => _members.Contains(resourceType);

    /// <summary>
    /// The search parameter that confines a search of <paramref name="resourceType"/> to the compartment's patient, and
    /// its value for the patient id: <c>_id</c> for Patient, <c>patient</c> (a <c>Patient/{id}</c> reference) otherwise.
    /// </summary>
    public static KeyValuePair<string, string> Criterion(string resourceType, string patientId) =>
        resourceType == FhirResourceTypes.Patient
            ? KeyValuePair.Create(SearchParameterNames.Id, patientId)
            : KeyValuePair.Create(SearchParameterNames.Patient, FhirResourceTypes.Patient + "/" + patientId);
}
