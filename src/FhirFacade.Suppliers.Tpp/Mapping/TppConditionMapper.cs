using FhirFacade.Core.Search;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Tpp.Native;

namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>A TPP problem row → UK Core Condition (problem-list-item), CTV3 coded with its SNOMED CT map.</summary>
internal static class TppConditionMapper
{
    public static Condition? Map(TppProblem problem, TppMappingContext context)
    {
        if (problem.RowId is not { } rowId)
        {
            context.Unmappable("problem", "no row id");
            return null;
        }

        var clinicalStatus = problem.Status switch
        {
            "Active" => "active",
            "Past" => "inactive",
            "Resolved" => "resolved",
            _ => null,
        };
        if (clinicalStatus is null)
        {
            context.Unmappable("problem", "unknown status", rowId);
            return null;
        }

        var code = TppCodings.FromCtv3(problem.Ctv3, problem.Snomed, context, "problem", rowId);
        if (code is null)
        {
            context.Unmappable("problem", "no code or term", rowId);
            return null;
        }

        var onset = TppCodings.PartialDate(problem.Onset, "problem onset date", context);
        var end = TppCodings.PartialDate(problem.End, "problem end date", context);
        var condition = new Condition
        {
            Id = context.Id(FhirResourceTypes.Condition, context.RowNativeId(rowId)),
            Meta = context.Meta(UkCoreProfiles.Condition),
            ClinicalStatus = new CodeableConcept(FhirSystems.ConditionClinical, clinicalStatus, Display(clinicalStatus)),
            VerificationStatus = new CodeableConcept(FhirSystems.ConditionVerificationStatus, "confirmed", "Confirmed"),
            Category = [new CodeableConcept(FhirSystems.ConditionCategory, "problem-list-item", "Problem List Item")],
            Code = code,
            Subject = context.PatientReference,
            Onset = onset is null ? null : new FhirDateTime(onset),
            Abatement = end is null ? null : new FhirDateTime(end),
            RecordedDate = TppCodings.FullDate(problem.RecordedDate, "problem recorded date", context),
            Recorder = context.PractitionerReference(problem.RecordedByStaffRowId),
        };
        if (problem.Notes is not null)
        {
            condition.Note.Add(new Annotation { Text = problem.Notes });
        }

        return condition;
    }

    private static string Display(string status) => status switch
    {
        "active" => "Active",
        "inactive" => "Inactive",
        _ => "Resolved",
    };
}
