using System.Globalization;

namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>
/// An EMIS <c>Medication</c> authorisation (with its issues) → UK Core MedicationStatement referencing its Medication.
/// Broken native data is reported per item, as every adapter does: a missing or non-dm+d drug code keeps the drug name
/// as text (<c>EMIS-DEGRADED</c>), an impossible start date leaves the statement out (<c>EMIS-UNMAPPABLE</c>), an
/// impossible end date is left out of the statement (<c>EMIS-DEGRADED</c>).
/// Public as one of the EMIS adapter's map steps, which the stage benchmarks price on their own.
/// </summary>
public static class EmisMedicationStatementMapper
{
    private const string What = "medication";

    public static MedicationStatement? Map(EmisMedication medication, EmisMappingContext context)
    {
        var status = UkCoreMapping.MedicationStatementStatus(medication.Status, "active", "completed", "stopped");
        var start = medication.StartDate is { } startDate && IsDate(startDate) ? startDate : null;
        if (!context.CanShowMedication(medication.Id, status, medication.StartDate, start, What))
        {
            return null;
        }

        context.ReportDrugByNameOnly(What, medication.Id, medication.Drug?.Code, code => EmisCodings.IsValidCode(medication.Drug?.Scheme, code));
        var end = medication.EndDate;
        if (end is not null && !IsDate(end))
        {
            context.Degraded(What, medication.Id, "its end date is not a valid date and was left out");
            end = null;
        }

        var lastIssue = medication.Issues.Select(i => i.Date).LastOrDefault(d => d is not null && IsDate(d));
        var facts = new MedicationFacts(status, medication.Drug?.Term, start, end, context.PractitionerReference(medication.Prescriber), medication.StopReason, medication.Dosage, lastIssue);
        return UkCoreMapping.MedicationStatement(context, context.EventNativeId(medication.Id), facts);
    }

    /// <summary>A real <c>yyyy-MM-dd</c> date (the 30th of February is not one).</summary>
    private static bool IsDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
