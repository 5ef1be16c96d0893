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

        var name = UkCoreMapping.OfficialName(staff.Surname, staff.Forenames, staff.Title);
        return UkCoreMapping.Practitioner(context, context.RowNativeId(rowId), staff.SdsUserId, staff.GmcNumber, name);
    }
}
