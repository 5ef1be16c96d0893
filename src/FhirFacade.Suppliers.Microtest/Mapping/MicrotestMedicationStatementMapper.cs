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
        var status = UkCoreMapping.MedicationStatementStatus(medication.Status, "active", "completed", "stopped");
        var start = MicrotestDates.Full(medication.StartDate);
        if (!context.CanShowMedication(medication.Id, status, medication.StartDate, start, What))
        {
            return null;
        }

        context.ReportDrugByNameOnly(What, medication.Id, medication.DmdCode, MicrotestCodings.IsSctId);
        var end = context.DateOrDegraded(medication.EndDate, MicrotestDates.Full, What, medication.Id, "end");
        var lastIssue = (medication.Issues ?? []).Select(i => MicrotestDates.Full(i.Date)).LastOrDefault(d => d is not null);
        var facts = new MedicationFacts(status, medication.DrugName, start, end, MicrotestMappingContext.PractitionerReference(medication.Prescriber), medication.StopReason, medication.Dose, lastIssue);
        return UkCoreMapping.MedicationStatement(context, context.ItemNativeId(medication.Id), facts);
    }
}
