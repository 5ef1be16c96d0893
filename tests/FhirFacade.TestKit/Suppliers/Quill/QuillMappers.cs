using System.Globalization;
using FhirFacade.Core.Search;
using FhirFacade.Core.Suppliers;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Resources;

namespace FhirFacade.TestKit.Suppliers.Quill;

/// <summary>
/// Quill's mappers, one per resource type: native record → UK Core resource, or <see langword="null"/> with an issue. What
/// every supplier builds the same way (ids, profiles, status codings, the NHS number identifier) comes from <see cref="UkCoreMapping"/>.
/// </summary>
public static class QuillMappers
{
    public static Patient Patient(QuillPatient patient, QuillMappingContext context)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(context);
        var resource = UkCoreMapping.Patient(context, context.NhsNumber, patient.Sex);
        resource.BirthDate = Date(patient.BirthDate);
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

        return UkCoreMapping.ProblemListItem(context, context.ItemNativeId(problem.Id), problem.Active ? "active" : "inactive", code);
    }

    public static AllergyIntolerance AllergyIntolerance(QuillAllergy allergy, QuillMappingContext context)
    {
        ArgumentNullException.ThrowIfNull(allergy);
        ArgumentNullException.ThrowIfNull(context);
        return UkCoreMapping.Allergy(context, context.ItemNativeId(allergy.Id), resolved: allergy.EndDate is not null, new CodeableConcept(FhirSystems.Snomed, allergy.SnomedCode, allergy.Term, allergy.Term));
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
        var code = IsDmd(medication.DmdCode)
            ? new CodeableConcept(FhirSystems.Dmd, medication.DmdCode, medication.Name, medication.Name)
            : CodeableConcept.FromText(medication.Name);
        return UkCoreMapping.Medication(context, context.ItemNativeId(medication.Id), code);
    }

    private static bool IsDmd(string? code) => code is { Length: >= 6 and <= 18 } && code.All(char.IsAsciiDigit);

    private static string? Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? text : null;
}
