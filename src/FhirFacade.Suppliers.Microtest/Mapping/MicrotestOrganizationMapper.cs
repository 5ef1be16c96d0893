namespace FhirFacade.Suppliers.Microtest.Mapping;

/// <summary>The <c>practice</c> of an Evolution record → UK Core Organization (Evolution exposes only its ODS code and name).</summary>
internal static class MicrotestOrganizationMapper
{
    public static Organization? Map(MicrotestPractice practice, MicrotestMappingContext context)
    {
        if (string.IsNullOrEmpty(practice.OdsCode))
        {
            context.Unmappable("organisation", null, "no ODS code");
            return null;
        }

        return UkCoreMapping.Organization(context, practice.OdsCode, practice.Name);
    }
}
