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
        var status = UkCoreMapping.MedicationStatementStatus(medication.Status, "IP", "CM", "DC");
        var start = VisionDates.Full(medication.StartDate);
        if (!context.CanShowMedication(medication.Id, status, medication.StartDate, start, What))
        {
            return null;
        }

        context.ReportDrugByNameOnly(What, medication.Id, medication.Drug?.Code, VisionCodings.IsSctId);
        var end = context.DateOrDegraded(medication.EndDate, VisionDates.Full, What, medication.Id, "end");
        var prescriber = VisionMappingContext.PractitionerReference(
            medication.Prescriber?.SdsUserId,
            medication.Prescriber is null ? null : VisionPractitionerMapper.DisplayName(medication.Prescriber));
        var lastIssue = VisionDates.Full(medication.LastIssueDate)
            ?? medication.Issues.Select(i => VisionDates.Full(i.Date)).LastOrDefault(d => d is not null);
        var drugName = medication.Drug is { Text.Length: > 0 } drug ? drug.Text : null;
        return UkCoreMapping.MedicationStatement(context, context.ItemNativeId(medication.Id), new MedicationFacts(status, drugName, start, end, prescriber, medication.StopReason, medication.Dose, lastIssue));
    }
}
