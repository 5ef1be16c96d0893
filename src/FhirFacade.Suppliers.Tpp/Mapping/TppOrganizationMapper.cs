namespace FhirFacade.Suppliers.Tpp.Mapping;

/// <summary>A SystmOne unit → UK Core Organization.</summary>
internal static class TppOrganizationMapper
{
    public static Organization? Map(TppUnit unit, TppMappingContext context)
    {
        if (string.IsNullOrEmpty(unit.OdsCode))
        {
            context.Unmappable("unit", "no ODS code");
            return null;
        }

        return UkCoreMapping.Organization(context, unit.OdsCode, unit.Name);
    }
}
