using System.Globalization;
using FhirFacade.Core.Search;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Resources;

namespace FhirFacade.TestKit.Suppliers.Quill;

/// <summary>Quill's mappers, one per resource type: native record → UK Core resource, or <see langword="null"/> with an issue.</summary>
public static class QuillMappers
{
    public static Patient Patient(QuillPatient patient, QuillMappingContext context)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(context);
        var resource = new Patient
        {
            Id = context.PatientId,
            Meta = context.Meta(UkCoreProfiles.Patient),
            Identifier = [new Identifier(UkCoreSystems.NhsNumber, context.NhsNumber)],
            Gender = patient.Sex switch { "F" => "female", "M" => "male", _ => "unknown" },
            BirthDate = Date(patient.BirthDate),
        };
        resource.Name.Add(new HumanName { Family = patient.Family, Given = [patient.Given] });
        return resource;
    }

    public static Condition Condition(QuillProblem problem, QuillMappingContext context)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(context);
        var code = new CodeableConcept(QuillTerminology.LocalSystem, problem.Code, problem.Term, problem.Term);
        if (context.LocalMap.Translate(problem.Code) is { } snomed)
        {
            code.Coding.Add(new Coding(FhirSystems.Snomed, snomed.Code, snomed.Display));
        }
        else
        {
            context.UnmappedCode("problem", problem.Id, problem.Code);
        }

        var status = problem.Active ? "active" : "inactive";
        return new Condition
        {
            Id = context.Id(FhirResourceTypes.Condition, context.ItemNativeId(problem.Id)),
            Meta = context.Meta(UkCoreProfiles.Condition),
            ClinicalStatus = new CodeableConcept(FhirSystems.ConditionClinical, status, problem.Active ? "Active" : "Inactive"),
            VerificationStatus = new CodeableConcept(FhirSystems.ConditionVerificationStatus, "confirmed", "Confirmed"),
            Category = [new CodeableConcept(FhirSystems.ConditionCategory, "problem-list-item", "Problem List Item")],
            Code = code,
            Subject = context.PatientReference,
        };
    }

    public static AllergyIntolerance AllergyIntolerance(QuillAllergy allergy, QuillMappingContext context)
    {
        ArgumentNullException.ThrowIfNull(allergy);
        ArgumentNullException.ThrowIfNull(context);
        var resolved = allergy.EndDate is not null;
        return new AllergyIntolerance
        {
            Id = context.Id(FhirResourceTypes.AllergyIntolerance, context.ItemNativeId(allergy.Id)),
            Meta = context.Meta(UkCoreProfiles.AllergyIntolerance),
            ClinicalStatus = new CodeableConcept(FhirSystems.AllergyIntoleranceClinical, resolved ? "resolved" : "active", resolved ? "Resolved" : "Active"),
            VerificationStatus = new CodeableConcept(FhirSystems.AllergyIntoleranceVerification, "confirmed", "Confirmed"),
            Code = new CodeableConcept(FhirSystems.Snomed, allergy.SnomedCode, allergy.Term, allergy.Term),
            Patient = context.PatientReference,
        };
    }

    /// <summary>A statement; one whose start date is not a date is left out (it cannot be placed in time), one with no dm+d drug is kept by name.</summary>
    public static MedicationStatement? MedicationStatement(QuillMedication medication, QuillMappingContext context)
    {
        ArgumentNullException.ThrowIfNull(medication);
        ArgumentNullException.ThrowIfNull(context);
        var start = Date(medication.StartDate);
        if (start is null)
        {
            context.Unmappable("medication", medication.Id, "the start date is not a valid date");
            return null;
        }

        if (!IsDmd(medication.DmdCode))
        {
            context.Degraded("medication", medication.Id, "it has no dm+d drug code, so the drug is given by name only");
        }

        var nativeId = context.ItemNativeId(medication.Id);
        var statement = new MedicationStatement
        {
            Id = context.Id(FhirResourceTypes.MedicationStatement, nativeId),
            Meta = context.Meta(UkCoreProfiles.MedicationStatement),
            Status = "active",
            Medication = Reference.To("Medication", context.Id(FhirResourceTypes.Medication, nativeId), medication.Name),
            Subject = context.PatientReference,
            Effective = new Period { Start = start },
            DateAsserted = start,
        };
        statement.Dosage.Add(new Dosage { Text = medication.Dose });
        return statement;
    }

    public static Medication Medication(QuillMedication medication, QuillMappingContext context)
    {
        ArgumentNullException.ThrowIfNull(medication);
        ArgumentNullException.ThrowIfNull(context);
        return new Medication
        {
            Id = context.Id(FhirResourceTypes.Medication, context.ItemNativeId(medication.Id)),
            Meta = context.Meta(UkCoreProfiles.Medication),
            Code = IsDmd(medication.DmdCode)
                ? new CodeableConcept(FhirSystems.Dmd, medication.DmdCode, medication.Name, medication.Name)
                : CodeableConcept.FromText(medication.Name),
        };
    }

    private static bool IsDmd(string? code) => code is { Length: >= 6 and <= 18 } && code.All(char.IsAsciiDigit);

    private static string? Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? text : null;
}
