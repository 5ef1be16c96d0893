namespace FhirFacade.Suppliers.Vision.Mapping;

/// <summary>
/// ORC + RXE (+RXD) → UK Core MedicationStatement referencing its Medication. Broken native data is reported per
/// item: a missing or non-dm+d drug code keeps the drug name as text, an impossible start date leaves the statement out.
/// </summary>
internal static class VisionMedicationStatementMapper
{
    private const string What = "medication";

    public static MedicationStatement? Map(VisionMedication medication, VisionMappingContext context)
    {
        var status = medication.Status switch
        {
            "IP" => "active",
            "CM" => "completed",
            "DC" => "stopped",
            _ => null,
        };
        if (status is null || medication.Id.Length == 0)
        {
            context.Unmappable(What, medication.Id, "unknown status or no id");
            return null;
        }

        var start = VisionDates.Full(medication.StartDate);
        if (start is null)
        {
            context.Unmappable(What, medication.Id, medication.StartDate.Length == 0 ? "no start date" : "the start date is not a valid date");
            return null;
        }

        if (medication.Drug is null || medication.Drug.Code.Length == 0)
        {
            context.Degraded(What, medication.Id, "it has no dm+d drug code, so the drug is given by name only");
        }
        else if (!VisionCodings.IsSctId(medication.Drug.Code))
        {
            context.Degraded(What, medication.Id, "its drug code is not a valid dm+d id, so the drug is given by name only");
        }

        var nativeId = context.ItemNativeId(medication.Id);
        var drugName = medication.Drug is { Text.Length: > 0 } drug ? drug.Text : null;
        var statement = new MedicationStatement
        {
            Id = context.Id(FhirResourceTypes.MedicationStatement, nativeId),
            Meta = context.Meta(UkCoreProfiles.MedicationStatement),
            Status = status,
            Medication = Reference.To("Medication", context.Id(FhirResourceTypes.Medication, nativeId), drugName),
            Subject = context.PatientReference,
            Effective = new Period { Start = start, End = EndDate(medication, context) },
            DateAsserted = start,
            InformationSource = VisionMappingContext.PractitionerReference(
                medication.Prescriber?.SdsUserId,
                medication.Prescriber is null ? null : VisionPractitionerMapper.DisplayName(medication.Prescriber)),
        };
        if (status == "stopped" && medication.StopReason.Length > 0)
        {
            statement.StatusReason.Add(CodeableConcept.FromText(medication.StopReason));
        }

        if (medication.Dose.Length > 0)
        {
            statement.Dosage.Add(new Dosage { Text = medication.Dose });
        }

        var lastIssue = VisionDates.Full(medication.LastIssueDate)
            ?? medication.Issues.Select(i => VisionDates.Full(i.Date)).LastOrDefault(d => d is not null);
        if (lastIssue is not null)
        {
            statement.Extension.Add(new Extension(UkCoreExtensions.MedicationStatementLastIssueDate, new FhirDateTime(lastIssue)));
        }

        return statement;
    }

    private static string? EndDate(VisionMedication medication, VisionMappingContext context)
    {
        if (medication.EndDate.Length == 0)
        {
            return null;
        }

        var end = VisionDates.Full(medication.EndDate);
        if (end is null)
        {
            context.Degraded(What, medication.Id, "its end date is not a valid date and was left out");
        }

        return end;
    }
}
