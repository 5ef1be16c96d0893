namespace FhirFacade.Suppliers.Vision.Mapping;

/// <summary>AL1 + ZAL (+NTE) → UK Core AllergyIntolerance (SNOMED CT allergens); the "no known allergies" AL1 has no type or category.</summary>
internal static class VisionAllergyIntoleranceMapper
{
    private const string What = "allergy";
    private const string EndDateExtension = "endDate";

    public static AllergyIntolerance? Map(VisionAllergy allergy, VisionMappingContext context)
    {
        var code = VisionCodings.FromSnomed(allergy.Allergen);
        if (code is null || allergy.Id.Length == 0)
        {
            context.Unmappable(What, allergy.Id, "no allergen code or id");
            return null;
        }

        var resolved = allergy.Status == "R";
        var resource = UkCoreMapping.Allergy(context, context.ItemNativeId(allergy.Id), resolved, code);
        resource.RecordedDate = VisionDates.Full(allergy.Recorded);
        resource.Recorder = VisionMappingContext.PractitionerReference(allergy.RecordedBy?.SdsUserId, allergy.RecordedBy is null ? null : VisionPractitionerMapper.DisplayName(allergy.RecordedBy));
        if (allergy.IsNoKnownAllergies)
        {
            return resource;
        }

        resource.Type = "allergy";
        resource.Onset = VisionDates.Partial(allergy.Onset) is { } onset ? new FhirDateTime(onset) : null;
        if (allergy.Type switch { "DA" => "medication", "FA" => "food", "EA" => "environment", _ => null } is { } category)
        {
            resource.Category.Add(category);
        }

        if (VisionCodings.FromSnomed(allergy.Reaction) is { } manifestation)
        {
            var reaction = new AllergyIntolerance.ReactionComponent { Manifestation = [manifestation] };
            if (allergy.Severity switch { "SV" => "severe", "MO" => "moderate", "MI" => "mild", _ => null } is { } severity)
            {
                reaction.Severity = severity;
            }

            resource.Reaction.Add(reaction);
        }

        if (resolved && VisionDates.Full(allergy.EndDate) is { } endDate)
        {
            // UK Core carries the end of a resolved allergy in Extension-UKCore-AllergyIntoleranceEnd, whose
            // context is AllergyIntolerance.clinicalStatus: it sits on the status it qualifies, not on the resource.
            var end = new Extension(UkCoreExtensions.AllergyIntoleranceEnd);
            end.Extension.Add(new Extension(EndDateExtension, new FhirDateTime(endDate)));
            resource.ClinicalStatus!.Extension.Add(end);
        }

        if (!string.IsNullOrEmpty(allergy.Note))
        {
            resource.Note.Add(new Annotation { Text = allergy.Note });
        }

        return resource;
    }
}
