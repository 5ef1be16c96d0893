using System.Diagnostics.CodeAnalysis;
using FhirFacade.Core.Suppliers;

namespace FhirFacade.Core.Location;

/// <summary>The organisations the facade can reach, by ODS code.</summary>
public interface IOrganisationDirectory
{
    /// <summary>Every organisation, ordered by ODS code.</summary>
    IReadOnlyList<OrganisationEndpoint> All { get; }

    /// <summary>Finds an organisation by ODS code.</summary>
    bool TryGet(string odsCode, [NotNullWhen(true)] out OrganisationEndpoint? organisation);
}
