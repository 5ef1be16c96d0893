namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>A SystmOne member of staff (the usual GP of a registration) → UK Core Practitioner (SDS user id, GMC number).</summary>
internal static class TppPractitionerMapper
{
    public static Practitioner? Map(TppStaff staff, TppMappingContext context)
    {
        if (staff.StaffRowId is not { } rowId)
        {
            context.Unmappable("member of staff", "no staff row id");
            return null;
        }

        var resource = new Practitioner
        {
            Id = context.Id(FhirResourceTypes.Practitioner, context.RowNativeId(rowId)),
            Meta = context.Meta(UkCoreProfiles.Practitioner),
        };
        if (staff.SdsUserId is not null)
        {
            resource.Identifier.Add(new Identifier(UkCoreSystems.SdsUserId, staff.SdsUserId));
        }

        if (staff.GmcNumber is not null)
        {
            resource.Identifier.Add(new Identifier(UkCoreSystems.GmcNumber, staff.GmcNumber));
        }

        resource.Name.Add(new HumanName
        {
            Use = "official",
            Family = staff.Surname,
            Given = staff.Forenames is null ? [] : [staff.Forenames],
            Prefix = staff.Title is null ? [] : [staff.Title],
        });
        return resource;
    }
}
