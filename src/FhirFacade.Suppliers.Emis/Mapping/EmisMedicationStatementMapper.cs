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
        var status = medication.Status is "active" or "completed" or "stopped" ? medication.Status : null;
        if (status is null || medication.Id.Length == 0)
        {
            context.Unmappable(What, "unknown status or no id", medication.Id);
            return null;
        }

        if (medication.StartDate is null || !IsDate(medication.StartDate))
        {
            context.Unmappable(What, medication.StartDate is null ? "no start date" : "the start date is not a valid date", medication.Id);
            return null;
        }

        if (medication.Drug is null || string.IsNullOrEmpty(medication.Drug.Code))
        {
            context.Degraded(What, medication.Id, "it has no dm+d drug code, so the drug is given by name only");
        }
        else if (!EmisCodings.IsValidCode(medication.Drug.Scheme, medication.Drug.Code))
        {
            context.Degraded(What, medication.Id, "its drug code is not a valid dm+d id, so the drug is given by name only");
        }

        var end = medication.EndDate;
        if (end is not null && !IsDate(end))
        {
            context.Degraded(What, medication.Id, "its end date is not a valid date and was left out");
            end = null;
        }

        var nativeId = context.EventNativeId(medication.Id);
        var statement = new MedicationStatement
        {
            Id = context.Id(FhirResourceTypes.MedicationStatement, nativeId),
            Meta = context.Meta(UkCoreProfiles.MedicationStatement),
            Status = status,
            Medication = Reference.To("Medication", context.Id(FhirResourceTypes.Medication, nativeId), medication.Drug?.Term),
            Subject = context.PatientReference,
            Effective = new Period { Start = medication.StartDate, End = end },
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

        var lastIssue = medication.Issues.Select(i => i.Date).LastOrDefault(d => d is not null && IsDate(d));
        if (lastIssue is not null)
        {
            statement.Extension.Add(new Extension(UkCoreExtensions.MedicationStatementLastIssueDate, new FhirDateTime(lastIssue)));
        }

        return statement;
    }

    /// <summary>A real <c>yyyy-MM-dd</c> date (the 30th of February is not one).</summary>
    private static bool IsDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
