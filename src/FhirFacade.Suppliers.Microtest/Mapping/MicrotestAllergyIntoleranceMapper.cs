namespace FhirFacade.Suppliers.Microtest.Mapping;

/// <summary>Evolution <c>allergy</c> / <c>no_known_allergies</c> → UK Core AllergyIntolerance (SNOMED CT allergens).</summary>
internal static class MicrotestAllergyIntoleranceMapper
{
    private const string What = "allergy";
    private const string EndDateExtension = "endDate";

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
        if (allergy.Category switch { "drug" => "medication", "food" => "food", "environment" => "environment", _ => null } is { } category)
        {
            resource.Category.Add(category);
        }

        if (MicrotestCodings.FromSnomed(allergy.Reaction?.SnomedCode, allergy.Reaction?.Term) is { } manifestation)
        {
            var reaction = new AllergyIntolerance.ReactionComponent { Manifestation = [manifestation] };
            if (allergy.Severity is "mild" or "moderate" or "severe")
            {
                reaction.Severity = allergy.Severity;
            }

            resource.Reaction.Add(reaction);
        }

        if (resolved && MicrotestDates.Full(allergy.EndDate) is { } endDate)
        {
            // UK Core carries the end of a resolved allergy in Extension-UKCore-AllergyIntoleranceEnd, whose
            // context is AllergyIntolerance.clinicalStatus: it sits on the status it qualifies, not on the resource.
            var end = new Extension(UkCoreExtensions.AllergyIntoleranceEnd);
            end.Extension.Add(new Extension(EndDateExtension, new FhirDateTime(endDate)));
            resource.ClinicalStatus!.Extension.Add(end);
        }

        if (!string.IsNullOrEmpty(allergy.Notes))
        {
            resource.Note.Add(new Annotation { Text = allergy.Notes });
        }

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
