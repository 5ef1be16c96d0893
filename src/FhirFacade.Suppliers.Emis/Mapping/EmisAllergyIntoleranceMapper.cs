namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>EMIS <c>Allergy</c> / <c>NoKnownAllergies</c> → UK Core AllergyIntolerance.</summary>
internal static class EmisAllergyIntoleranceMapper
{
    private const string EndDateExtension = "endDate";

    public static AllergyIntolerance? Map(EmisAllergy allergy, EmisMappingContext context)
    {
        var code = EmisCodings.ToConcept(allergy.Allergen);
        if (code is null || allergy.Id.Length == 0)
        {
            context.Unmappable("allergy", "no allergen code or id", allergy.Id);
            return null;
        }

        var resolved = allergy.Status == "resolved";
        var resource = UkCoreMapping.Allergy(context, context.EventNativeId(allergy.Id), resolved, code);
        resource.Onset = allergy.Onset is null ? null : new FhirDateTime(allergy.Onset.Text);
        resource.RecordedDate = allergy.RecordedDate;
        resource.Recorder = context.PractitionerReference(allergy.RecordedBy);
        if (!allergy.IsNoKnownAllergies)
        {
            resource.Type = "allergy";
            if (allergy.Category switch { "drug" => "medication", "food" => "food", "environment" => "environment", _ => null } is { } category)
            {
                resource.Category.Add(category);
            }
        }

        if (EmisCodings.ToConcept(allergy.Manifestation) is { } manifestation)
        {
            var reaction = new AllergyIntolerance.ReactionComponent { Manifestation = [manifestation] };
            if (allergy.Severity is "mild" or "moderate" or "severe")
            {
                reaction.Severity = allergy.Severity;
            }

            resource.Reaction.Add(reaction);
        }

        if (resolved && allergy.EndDate is not null)
        {
            // UK Core carries the end of a resolved allergy in Extension-UKCore-AllergyIntoleranceEnd, whose
            // context is AllergyIntolerance.clinicalStatus: it sits on the status it qualifies, not on the resource.
            var end = new Extension(UkCoreExtensions.AllergyIntoleranceEnd);
            end.Extension.Add(new Extension(EndDateExtension, new FhirDateTime(allergy.EndDate)));
            resource.ClinicalStatus!.Extension.Add(end);
        }

        if (allergy.Note is not null)
        {
            resource.Note.Add(new Annotation { Text = allergy.Note });
        }

        return resource;
    }
}
