namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>EMIS <c>Practitioner</c> → UK Core Practitioner (SDS user id, GMC number).</summary>
internal static class EmisPractitionerMapper
{
    public static Practitioner Map(EmisPractitioner practitioner, EmisMappingContext context)
    {
        var name = UkCoreMapping.OfficialName(practitioner.FamilyName, practitioner.GivenName, practitioner.Title);
        var resource = UkCoreMapping.Practitioner(context, practitioner.Id, practitioner.SdsUserId ?? practitioner.Id, practitioner.GmcNumber, name);
        resource.Gender = practitioner.Gender is "male" or "female" ? practitioner.Gender : null;
        return resource;
    }
}
