namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>A TPP allergy row, or the "no known allergies" row, → UK Core AllergyIntolerance.</summary>
internal static class TppAllergyIntoleranceMapper
{
    public static AllergyIntolerance? Map(TppAllergy allergy, TppMappingContext context)
    {
        var code = TppCodings.FromSnomed(allergy.Allergen);
        if (code is null || allergy.RowId is not { } rowId)
        {
            context.Unmappable("allergy", "no allergen or row id");
            return null;
        }

        var ended = allergy.Status == "Ended";
        var onset = TppCodings.PartialDate(allergy.Onset, "allergy onset date", context);
        var resource = UkCoreMapping.Allergy(context, context.RowNativeId(rowId), ended, code);
        resource.Type = "allergy";
        resource.Onset = onset is null ? null : new FhirDateTime(onset);
        resource.RecordedDate = TppCodings.FullDate(allergy.RecordedDate, "allergy recorded date", context);
        resource.Recorder = context.PractitionerReference(allergy.RecordedByStaffRowId);
        if (UkCoreMapping.AllergyCategory(allergy.Category, "Drug", "Food", "Environment") is { } category)
        {
            resource.Category.Add(category);
        }

        var severity = UkCoreMapping.ReactionSeverity(allergy.Reaction?.Severity, "Mild", "Moderate", "Severe");
        var end = ended ? TppCodings.FullDate(allergy.EndDate, "allergy end date", context) : null;
        UkCoreMapping.AddAllergyDetails(resource, TppCodings.FromSnomed(allergy.Reaction?.Manifestation), severity, end, allergy.Notes);

        return resource;
    }

    /// <summary>The explicit "no known allergies" entry (SNOMED CT 716186003), active and confirmed.</summary>
    public static AllergyIntolerance? Map(TppNoKnownAllergies entry, TppMappingContext context)
    {
        if (entry.RowId is not { } rowId)
        {
            context.Unmappable("no-known-allergies entry", "no row id");
            return null;
        }

        var resource = UkCoreMapping.Allergy(context, context.RowNativeId(rowId), false, TppCodings.FromSnomed(entry.Snomed) ?? new CodeableConcept(FhirSystems.Snomed, TppCodeSystems.NoKnownAllergy, "No known allergy", "No known allergy"));
        resource.RecordedDate = TppCodings.FullDate(entry.RecordedDate, "allergy recorded date", context);
        resource.Recorder = context.PractitionerReference(entry.RecordedByStaffRowId);
        return resource;
    }
}
