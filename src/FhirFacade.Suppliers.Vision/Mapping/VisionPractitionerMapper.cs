namespace FhirFacade.Suppliers.Vision.Mapping;

/// <summary>The usual GP of PD1-4 (SDS user id, GMC number) → UK Core Practitioner.</summary>
internal static class VisionPractitionerMapper
{
    public static Practitioner? Map(VisionClinician clinician, VisionMappingContext context)
    {
        if (clinician.SdsUserId.Length == 0)
        {
            context.Unmappable("clinician", null, "no SDS user id");
            return null;
        }

        var resource = new Practitioner
        {
            Id = context.Id(FhirResourceTypes.Practitioner, context.ItemNativeId(clinician.SdsUserId)),
            Meta = context.Meta(UkCoreProfiles.Practitioner),
            Identifier = [new Identifier(UkCoreSystems.SdsUserId, clinician.SdsUserId)],
        };
        if (!string.IsNullOrEmpty(clinician.GmcNumber))
        {
            resource.Identifier.Add(new Identifier(UkCoreSystems.GmcNumber, clinician.GmcNumber));
        }

        if (clinician.Family.Length > 0 || clinician.Given.Length > 0)
        {
            resource.Name.Add(new HumanName
            {
                Use = "official",
                Family = clinician.Family.Length == 0 ? null : clinician.Family,
                Given = clinician.Given.Length == 0 ? [] : [clinician.Given],
                Prefix = clinician.Title.Length == 0 ? [] : [clinician.Title],
            });
        }

        return resource;
    }

    /// <summary>"Dr Peter Lindqvist", for reference displays; <see langword="null"/> when there is no name.</summary>
    public static string? DisplayName(VisionClinician clinician)
    {
        var name = string.Join(' ', new[] { clinician.Title, clinician.Given, clinician.Family }.Where(p => p.Length > 0));
        return name.Length == 0 ? null : name;
    }
}
