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

        var name = clinician.Family.Length > 0 || clinician.Given.Length > 0 ? UkCoreMapping.OfficialName(clinician.Family, clinician.Given, clinician.Title) : null;
        return UkCoreMapping.Practitioner(context, context.ItemNativeId(clinician.SdsUserId), clinician.SdsUserId, clinician.GmcNumber, name);
    }

    /// <summary>"Dr Peter Lindqvist", for reference displays; <see langword="null"/> when there is no name.</summary>
    public static string? DisplayName(VisionClinician clinician)
    {
        var name = string.Join(' ', new[] { clinician.Title, clinician.Given, clinician.Family }.Where(p => p.Length > 0));
        return name.Length == 0 ? null : name;
    }
}
