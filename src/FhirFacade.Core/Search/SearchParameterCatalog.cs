using System.Collections.Frozen;
using N = FhirFacade.Core.Search.SearchParameterNames;
using T = FhirFacade.Core.Search.FhirResourceTypes;

namespace FhirFacade.Core.Search;

/// <summary>
/// The search parameters the facade offers, per resource type, with the R4 SearchParameter each
/// one implements (<see href="https://hl7.org/fhir/R4/searchparameter-registry.html"/>).
/// </summary>
public static class SearchParameterCatalog
{
    private const string Base = "http://hl7.org/fhir/SearchParameter/";

    private const string IdDocumentation = "Facade ids of this type (comma: any of them), a criterion on the patient's search: the patient is still required. An id the facade did not issue for this type matches nothing.";

    private static readonly SearchParameterDefinition[] _all =
    [
        new(T.Patient, N.Id, SearchParameterType.Token, Base + "Resource-id", "Patient.id", ["id"], "The facade id of the patient; an id the facade did not issue for a Patient matches nothing."),
        new(T.Patient, N.Identifier, SearchParameterType.Token, Base + "Patient-identifier", "Patient.identifier", ["identifier"], "NHS number, as https://fhir.nhs.uk/Id/nhs-number|{nhs}; the system is required."),
        new(T.Patient, N.Family, SearchParameterType.String, Base + "individual-family", "Patient.name.family", ["name.family"], "Family name (starts with; :exact, :contains). Needs birthdate."),
        new(T.Patient, N.Given, SearchParameterType.String, Base + "individual-given", "Patient.name.given", ["name.given"], "Given name (starts with; :exact, :contains)."),
        new(T.Patient, N.Birthdate, SearchParameterType.Date, Base + "individual-birthdate", "Patient.birthDate", ["birthDate"], "Date of birth, with prefixes eq/ne/lt/gt/le/ge/sa/eb/ap."),
        new(T.Patient, N.Gender, SearchParameterType.Token, Base + "individual-gender", "Patient.gender", ["gender"], "Administrative gender."),

        new(T.AllergyIntolerance, N.Id, SearchParameterType.Token, Base + "Resource-id", "AllergyIntolerance.id", ["id"], IdDocumentation),
        new(T.AllergyIntolerance, N.Patient, SearchParameterType.Reference, Base + "clinical-patient", "AllergyIntolerance.patient", ["patient"], "Required: Patient/{id} or patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{nhs}."),
        new(T.AllergyIntolerance, N.ClinicalStatus, SearchParameterType.Token, Base + "AllergyIntolerance-clinical-status", "AllergyIntolerance.clinicalStatus", ["clinicalStatus"], "active | inactive | resolved."),
        new(T.AllergyIntolerance, N.VerificationStatus, SearchParameterType.Token, Base + "AllergyIntolerance-verification-status", "AllergyIntolerance.verificationStatus", ["verificationStatus"], "unconfirmed | confirmed | refuted | entered-in-error."),
        new(T.AllergyIntolerance, N.Date, SearchParameterType.Date, Base + "clinical-date", "AllergyIntolerance.recordedDate", ["recordedDate"], "Date recorded, with prefixes."),

        new(T.MedicationStatement, N.Id, SearchParameterType.Token, Base + "Resource-id", "MedicationStatement.id", ["id"], IdDocumentation),
        new(T.MedicationStatement, N.Patient, SearchParameterType.Reference, Base + "clinical-patient", "MedicationStatement.subject.where(resolve() is Patient)", ["subject"], "Required: Patient/{id} or patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{nhs}."),
        new(T.MedicationStatement, N.Status, SearchParameterType.Token, Base + "medications-status", "MedicationStatement.status", ["status"], "active | completed | stopped | entered-in-error | intended | on-hold …"),
        new(T.MedicationStatement, N.Effective, SearchParameterType.Date, Base + "MedicationStatement-effective", "MedicationStatement.effective", ["effective"], "Effective date or period, with prefixes."),

        new(T.Condition, N.Id, SearchParameterType.Token, Base + "Resource-id", "Condition.id", ["id"], IdDocumentation),
        new(T.Condition, N.Patient, SearchParameterType.Reference, Base + "clinical-patient", "Condition.subject.where(resolve() is Patient)", ["subject"], "Required: Patient/{id} or patient.identifier=https://fhir.nhs.uk/Id/nhs-number|{nhs}."),
        new(T.Condition, N.ClinicalStatus, SearchParameterType.Token, Base + "Condition-clinical-status", "Condition.clinicalStatus", ["clinicalStatus"], "active | recurrence | relapse | inactive | remission | resolved."),
        new(T.Condition, N.Category, SearchParameterType.Token, Base + "Condition-category", "Condition.category", ["category"], "problem-list-item | encounter-diagnosis."),
        new(T.Condition, N.OnsetDate, SearchParameterType.Date, Base + "Condition-onset-date", "Condition.onset.as(dateTime) | Condition.onset.as(Period)", ["onset"], "Onset date, with prefixes."),
        new(T.Condition, N.Code, SearchParameterType.Token, Base + "clinical-code", "Condition.code", ["code"], "SNOMED CT code, as http://snomed.info/sct|{code}."),
    ];

    private static readonly FrozenDictionary<string, FrozenDictionary<string, SearchParameterDefinition>> _byType =
        _all.GroupBy(d => d.ResourceType, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>The resource types that can be searched.</summary>
    public static IReadOnlyCollection<string> SearchableTypes => _byType.Keys;

    /// <summary>The parameters of a resource type (empty when it cannot be searched).</summary>
    public static IReadOnlyCollection<SearchParameterDefinition> For(string resourceType) =>
        _byType.TryGetValue(resourceType, out var parameters) ? parameters.Values : [];

    /// <summary>Finds a parameter of a resource type by name.</summary>
    public static SearchParameterDefinition? Find(string resourceType, string name) =>
        _byType.TryGetValue(resourceType, out var parameters) ? parameters.GetValueOrDefault(name) : null;
}
