namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>
/// A TPP medication row (with its issues) → UK Core MedicationStatement referencing its Medication. Broken native data is
/// reported per item, as every adapter does: a missing or non-dm+d drug code keeps the drug name as text
/// (<c>TPP-DEGRADED</c>), an impossible start date leaves the statement out (<c>TPP-UNMAPPABLE</c>), an impossible end
/// date is left out of the statement (<c>TPP-DEGRADED</c>).
/// </summary>
internal static class TppMedicationStatementMapper
{
    public static MedicationStatement? Map(TppMedication medication, TppMappingContext context)
    {
        var status = UkCoreMapping.MedicationStatementStatus(medication.Status, "Active", "Completed", "Stopped");
        if (status is null || medication.RowId is not { } rowId)
        {
            context.Unmappable("medication", "unknown status or no row id", medication.RowId);
            return null;
        }

        if (!TppCodings.IsFullDate(medication.StartDate))
        {
            context.Unmappable("medication", medication.StartDate is null ? "no start date" : "the start date is not a valid date", rowId);
            return null;
        }

        var start = medication.StartDate;
        context.ReportDrugByNameOnly("medication", rowId.ToString(System.Globalization.CultureInfo.InvariantCulture), medication.Drug?.DmdId, TppCodings.IsSctId);
        var end = TppCodings.FullDate(medication.EndDate, "medication end date", context);
        var lastIssue = TppCodings.FullDate((medication.Issues ?? []).Select(i => i.IssueDate).LastOrDefault(d => d is not null), "medication issue date", context);
        var facts = new MedicationFacts(status, medication.Drug?.Name, start, end, context.PractitionerReference(medication.PrescriberStaffRowId), medication.StopReason, medication.Dosage, lastIssue);
        return UkCoreMapping.MedicationStatement(context, context.RowNativeId(rowId), facts);
    }
}
