namespace FhirFacade.Suppliers.Microtest.Mapping;

/// <summary>
/// An Evolution <c>medication</c> (with its issues) → UK Core MedicationStatement referencing its Medication.
/// Broken native data is reported per item: a missing or non-dm+d drug code keeps the drug name as text,
/// an impossible start date leaves the statement out.
/// </summary>
internal static class MicrotestMedicationStatementMapper
{
    private const string What = "medication";

    public static MedicationStatement? Map(MicrotestMedication medication, MicrotestMappingContext context)
    {
        var status = medication.Status is "active" or "completed" or "stopped" ? medication.Status : null;
        if (status is null || string.IsNullOrEmpty(medication.Id))
        {
            context.Unmappable(What, medication.Id, "unknown status or no id");
            return null;
        }

        var start = MicrotestDates.Full(medication.StartDate);
        if (start is null)
        {
            context.Unmappable(What, medication.Id, string.IsNullOrEmpty(medication.StartDate) ? "no start date" : "the start date is not a valid date");
            return null;
        }

        if (string.IsNullOrEmpty(medication.DmdCode))
        {
            context.Degraded(What, medication.Id, "it has no dm+d drug code, so the drug is given by name only");
        }
        else if (!MicrotestCodings.IsSctId(medication.DmdCode))
        {
            context.Degraded(What, medication.Id, "its drug code is not a valid dm+d id, so the drug is given by name only");
        }

        var nativeId = context.ItemNativeId(medication.Id);
        var statement = new MedicationStatement
        {
            Id = context.Id(FhirResourceTypes.MedicationStatement, nativeId),
            Meta = context.Meta(UkCoreProfiles.MedicationStatement),
            Status = status,
            Medication = Reference.To("Medication", context.Id(FhirResourceTypes.Medication, nativeId), medication.DrugName),
            Subject = context.PatientReference,
            Effective = new Period { Start = start, End = EndDate(medication, context) },
            DateAsserted = start,
            InformationSource = MicrotestMappingContext.PractitionerReference(medication.Prescriber),
        };
        if (status == "stopped" && !string.IsNullOrEmpty(medication.StopReason))
        {
            statement.StatusReason.Add(CodeableConcept.FromText(medication.StopReason));
        }

        if (!string.IsNullOrEmpty(medication.Dose))
        {
            statement.Dosage.Add(new Dosage { Text = medication.Dose });
        }

        var lastIssue = (medication.Issues ?? []).Select(i => MicrotestDates.Full(i.Date)).LastOrDefault(d => d is not null);
        if (lastIssue is not null)
        {
            statement.Extension.Add(new Extension(UkCoreExtensions.MedicationStatementLastIssueDate, new FhirDateTime(lastIssue)));
        }

        return statement;
    }

    private static string? EndDate(MicrotestMedication medication, MicrotestMappingContext context)
    {
        if (string.IsNullOrEmpty(medication.EndDate))
        {
            return null;
        }

        var end = MicrotestDates.Full(medication.EndDate);
        if (end is null)
        {
            context.Degraded(What, medication.Id, "its end date is not a valid date and was left out");
        }

        return end;
    }
}
