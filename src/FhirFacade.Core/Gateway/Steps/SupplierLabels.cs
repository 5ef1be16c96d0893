using FhirFacade.Core.Suppliers;

namespace FhirFacade.Core.Gateway.Steps;

/// <summary>How a supplier at an organisation is named in issue texts.</summary>
internal static class SupplierLabels
{
    /// <summary>"EMIS Web (emis) at Name (ODS)".</summary>
    public static string Of(ISupplierAdapter adapter, OrganisationEndpoint organisation) =>
        $"{adapter.DisplayName} ({adapter.SupplierId}) at {SupplierCallRunner.OrganisationLabel(organisation)}";
}
