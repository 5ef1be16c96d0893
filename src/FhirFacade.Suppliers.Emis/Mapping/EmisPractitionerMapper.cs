namespace FhirFacade.Suppliers.Emis.Mapping;

/// <summary>EMIS <c>Practitioner</c> → UK Core Practitioner (SDS user id, GMC number).</summary>
internal static class EmisPractitionerMapper
{
    public static Practitioner Map(EmisPractitioner practitioner, EmisMappingContext context)
    {
        var resource = new Practitioner
        {
            Id = context.Id(FhirResourceTypes.Practitioner, practitioner.Id),
            Meta = context.Meta(UkCoreProfiles.Practitioner),
            Gender = practitioner.Gender is "male" or "female" ? practitioner.Gender : null,
        };
        resource.Identifier.Add(new Identifier(UkCoreSystems.SdsUserId, practitioner.SdsUserId ?? practitioner.Id));
        if (practitioner.GmcNumber is not null)
        {
            resource.Identifier.Add(new Identifier(UkCoreSystems.GmcNumber, practitioner.GmcNumber));
        }

        resource.Name.Add(new HumanName
        {
            Use = "official",
            Family = practitioner.FamilyName,
            Given = practitioner.GivenName is null ? [] : [practitioner.GivenName],
            Prefix = practitioner.Title is null ? [] : [practitioner.Title],
        });
        return resource;
    }
}
