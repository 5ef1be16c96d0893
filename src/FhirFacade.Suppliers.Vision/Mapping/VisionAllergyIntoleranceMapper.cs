namespace FhirFacade.Suppliers.Vision.Mapping;

/// <summary>AL1 + ZAL (+NTE) → UK Core AllergyIntolerance (SNOMED CT allergens); the "no known allergies" AL1 has no type or category.</summary>
internal static class VisionAllergyIntoleranceMapper
{
    private const string What = "allergy";

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
        if (UkCoreMapping.AllergyCategory(allergy.Type, "DA", "FA", "EA") is { } category)
        {
            resource.Category.Add(category);
        }

        var severity = UkCoreMapping.ReactionSeverity(allergy.Severity, "MI", "MO", "SV");
        var end = resolved ? VisionDates.Full(allergy.EndDate) : null;
        UkCoreMapping.AddAllergyDetails(resource, VisionCodings.FromSnomed(allergy.Reaction), severity, end, allergy.Note);

        return resource;
    }
}
