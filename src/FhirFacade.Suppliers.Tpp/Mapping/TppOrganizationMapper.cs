using FhirFacade.Core.Search;
using FhirFacade.Fhir.Conformance;
using FhirFacade.Fhir.Resources;
using FhirFacade.Suppliers.Tpp.Native;

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

        return new Organization
        {
            Id = context.Id(FhirResourceTypes.Organization, unit.OdsCode),
            Meta = context.Meta(UkCoreProfiles.Organization),
            Identifier = [new Identifier(UkCoreSystems.OdsOrganizationCode, unit.OdsCode)],
            Active = true,
            Name = unit.Name,
        };
    }
}
