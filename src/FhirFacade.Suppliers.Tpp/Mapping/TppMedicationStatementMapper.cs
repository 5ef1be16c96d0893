using FhirFacade.Core.Search;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Tpp.Native;

namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>A TPP medication row (with its issues) → UK Core MedicationStatement referencing its Medication.</summary>
internal static class TppMedicationStatementMapper
{
    public static MedicationStatement? Map(TppMedication medication, TppMappingContext context)
    {
        var status = medication.Status switch
        {
            "Active" => "active",
            "Completed" => "completed",
            "Stopped" => "stopped",
            _ => null,
        };
        var start = TppCodings.FullDate(medication.StartDate, "medication start date", context);
        if (status is null || medication.RowId is not { } rowId || start is null)
        {
            context.Unmappable("medication", "unknown status, or no row id or valid start date");
            return null;
        }

        var nativeId = context.RowNativeId(rowId);
        var statement = new MedicationStatement
        {
            Id = context.Id(FhirResourceTypes.MedicationStatement, nativeId),
            Meta = context.Meta(UkCoreProfiles.MedicationStatement),
            Status = status,
            Medication = Reference.To("Medication", context.Id(FhirResourceTypes.Medication, nativeId), medication.Drug?.Name),
            Subject = context.PatientReference,
            Effective = new Period { Start = start, End = TppCodings.FullDate(medication.EndDate, "medication end date", context) },
            DateAsserted = start,
            InformationSource = context.PractitionerReference(medication.PrescriberStaffRowId),
        };
        if (status == "stopped" && medication.StopReason is not null)
        {
            statement.StatusReason.Add(CodeableConcept.FromText(medication.StopReason));
        }

        if (medication.Dosage is not null)
        {
            statement.Dosage.Add(new Dosage { Text = medication.Dosage });
        }

        var lastIssue = (medication.Issues ?? []).Select(i => i.IssueDate).LastOrDefault(d => d is not null);
        if (TppCodings.FullDate(lastIssue, "medication issue date", context) is { } lastIssueDate)
        {
            statement.Extension.Add(new Extension(UkCoreExtensions.MedicationStatementLastIssueDate, new FhirDateTime(lastIssueDate)));
        }

        return statement;
    }
}
