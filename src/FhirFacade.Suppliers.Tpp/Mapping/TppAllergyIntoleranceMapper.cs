namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>A TPP allergy row, or the "no known allergies" row, → UK Core AllergyIntolerance.</summary>
internal static class TppAllergyIntoleranceMapper
{
    private const string EndDateExtension = "endDate";

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
        if (allergy.Category switch { "Drug" => "medication", "Food" => "food", "Environment" => "environment", _ => null } is { } category)
        {
            resource.Category.Add(category);
        }

        if (TppCodings.FromSnomed(allergy.Reaction?.Manifestation) is { } manifestation)
        {
            var reaction = new AllergyIntolerance.ReactionComponent { Manifestation = [manifestation] };
            if (allergy.Reaction!.Severity is "Mild" or "Moderate" or "Severe")
            {
                reaction.Severity = allergy.Reaction.Severity.ToLowerInvariant();
            }

            resource.Reaction.Add(reaction);
        }

        if (ended && TppCodings.FullDate(allergy.EndDate, "allergy end date", context) is { } endDate)
        {
            // UK Core carries the end of a resolved allergy in Extension-UKCore-AllergyIntoleranceEnd, whose
            // context is AllergyIntolerance.clinicalStatus: it sits on the status it qualifies, not on the resource.
            var end = new Extension(UkCoreExtensions.AllergyIntoleranceEnd);
            end.Extension.Add(new Extension(EndDateExtension, new FhirDateTime(endDate)));
            resource.ClinicalStatus!.Extension.Add(end);
        }

        if (allergy.Notes is not null)
        {
            resource.Note.Add(new Annotation { Text = allergy.Notes });
        }

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
