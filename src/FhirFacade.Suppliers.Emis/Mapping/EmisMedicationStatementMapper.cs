using FhirFacade.Core.Search;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Emis.Native;

namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>An EMIS <c>Medication</c> authorisation (with its issues) → UK Core MedicationStatement referencing its Medication.</summary>
internal static class EmisMedicationStatementMapper
{
    public static MedicationStatement? Map(EmisMedication medication, EmisMappingContext context)
    {
        var status = medication.Status is "active" or "completed" or "stopped" ? medication.Status : null;
        if (status is null || medication.Id.Length == 0 || medication.StartDate is null)
        {
            context.Unmappable("medication", "unknown status, or no id or start date");
            return null;
        }

        var nativeId = context.EventNativeId(medication.Id);
        var statement = new MedicationStatement
        {
            Id = context.Id(FhirResourceTypes.MedicationStatement, nativeId),
            Meta = context.Meta(UkCoreProfiles.MedicationStatement),
            Status = status,
            Medication = Reference.To("Medication", context.Id(FhirResourceTypes.Medication, nativeId), medication.Drug?.Term),
            Subject = context.PatientReference,
            Effective = new Period { Start = medication.StartDate, End = medication.EndDate },
            DateAsserted = medication.StartDate,
            InformationSource = context.PractitionerReference(medication.Prescriber),
        };
        if (status == "stopped" && medication.StopReason is not null)
        {
            statement.StatusReason.Add(CodeableConcept.FromText(medication.StopReason));
        }

        if (medication.Dosage is not null)
        {
            statement.Dosage.Add(new Dosage { Text = medication.Dosage });
        }

        var lastIssue = medication.Issues.Select(i => i.Date).LastOrDefault(d => d is not null);
        if (lastIssue is not null)
        {
            statement.Extension.Add(new Extension(UkCoreExtensions.MedicationStatementLastIssueDate, new FhirDateTime(lastIssue)));
        }

        return statement;
    }
}
