namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>EMIS <c>Organisation</c> → UK Core Organization.</summary>
internal static class EmisOrganizationMapper
{
    public static Organization Map(EmisOrganisation organisation, EmisMappingContext context)
    {
        var resource = UkCoreMapping.Organization(context, organisation.OdsCode, organisation.Name);
        if (organisation.Telephone is not null)
        {
            resource.Telecom.Add(new ContactPoint { System = "phone", Value = organisation.Telephone, Use = "work" });
        }

        resource.Address.Add(new Address { Use = "work", Line = [.. organisation.AddressLines], City = organisation.Town, PostalCode = organisation.Postcode });
        return resource;
    }
}
