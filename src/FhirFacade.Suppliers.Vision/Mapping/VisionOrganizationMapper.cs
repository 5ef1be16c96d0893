namespace FhirFacade.Suppliers.Vision.Mapping;

/// <summary>A Vision practice (ODS code and name, as PD1-3 carries it) → UK Core Organization.</summary>
internal static class VisionOrganizationMapper
{
    public static Organization? Map(VisionPractice practice, VisionMappingContext context)
    {
        if (practice.OdsCode.Length == 0)
        {
            context.Unmappable("organisation", null, "no ODS code");
            return null;
        }

        return UkCoreMapping.Organization(context, practice.OdsCode, practice.Name);
    }
}
