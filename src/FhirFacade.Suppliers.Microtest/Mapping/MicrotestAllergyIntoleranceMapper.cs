namespace FhirFacade.Suppliers.Microtest.Mapping;

/// <summary>Evolution <c>allergy</c> / <c>no_known_allergies</c> → UK Core AllergyIntolerance (SNOMED CT allergens).</summary>
internal static class MicrotestAllergyIntoleranceMapper
{
    private const string What = "allergy";

    public static AllergyIntolerance? Map(MicrotestAllergy allergy, MicrotestMappingContext context)
    {
        var code = MicrotestCodings.FromSnomed(allergy.Allergen?.SnomedCode, allergy.Allergen?.Term);
        if (code is null || string.IsNullOrEmpty(allergy.Id))
        {
            context.Unmappable(What, allergy.Id, "no allergen code or id");
            return null;
        }

        var resolved = allergy.Status == "resolved";
        var resource = UkCoreMapping.Allergy(context, context.ItemNativeId(allergy.Id), resolved, code);
        resource.Type = "allergy";
        resource.Onset = MicrotestDates.Partial(allergy.Onset) is { } onset ? new FhirDateTime(onset) : null;
        resource.RecordedDate = MicrotestDates.Full(allergy.Recorded);
        resource.Recorder = MicrotestMappingContext.PractitionerReference(allergy.RecordedBy);
        if (UkCoreMapping.AllergyCategory(allergy.Category, "drug", "food", "environment") is { } category)
        {
            resource.Category.Add(category);
        }

        var severity = UkCoreMapping.ReactionSeverity(allergy.Severity, "mild", "moderate", "severe");
        var end = resolved ? MicrotestDates.Full(allergy.EndDate) : null;
        UkCoreMapping.AddAllergyDetails(resource, MicrotestCodings.FromSnomed(allergy.Reaction?.SnomedCode, allergy.Reaction?.Term), severity, end, allergy.Notes);

        return resource;
    }

    /// <summary>The explicit "no known allergies" entry (SNOMED CT 716186003), as an AllergyIntolerance with no type or category.</summary>
    public static AllergyIntolerance? Map(MicrotestNoKnownAllergies entry, MicrotestMappingContext context)
    {
        if (string.IsNullOrEmpty(entry.Id))
        {
            context.Unmappable(What, entry.Id, "no id");
            return null;
        }

        var resource = UkCoreMapping.Allergy(context, context.ItemNativeId(entry.Id), false, new CodeableConcept(FhirSystems.Snomed, MicrotestCodeSystems.NoKnownAllergy, entry.Term, entry.Term));
        resource.RecordedDate = MicrotestDates.Full(entry.Recorded);
        resource.Recorder = MicrotestMappingContext.PractitionerReference(entry.RecordedBy);
        return resource;
    }
}
