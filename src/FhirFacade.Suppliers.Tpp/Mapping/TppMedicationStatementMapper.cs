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
        var status = medication.Status switch
        {
            "Active" => "active",
            "Completed" => "completed",
            "Stopped" => "stopped",
            _ => null,
        };
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
        if (string.IsNullOrEmpty(medication.Drug?.DmdId))
        {
            context.Degraded("medication", rowId, "it has no dm+d drug code, so the drug is given by name only");
        }
        else if (!TppCodings.IsSctId(medication.Drug.DmdId))
        {
            context.Degraded("medication", rowId, "its drug code is not a valid dm+d id, so the drug is given by name only");
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
