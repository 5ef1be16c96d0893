namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>EMIS <c>Allergy</c> / <c>NoKnownAllergies</c> → UK Core AllergyIntolerance.</summary>
internal static class EmisAllergyIntoleranceMapper
{
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
            if (UkCoreMapping.AllergyCategory(allergy.Category, "drug", "food", "environment") is { } category)
            {
                resource.Category.Add(category);
            }
        }

        var severity = UkCoreMapping.ReactionSeverity(allergy.Severity, "mild", "moderate", "severe");
        UkCoreMapping.AddAllergyDetails(resource, EmisCodings.ToConcept(allergy.Manifestation), severity, resolved ? allergy.EndDate : null, allergy.Note);

        return resource;
    }
}
