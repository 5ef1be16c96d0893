using FhirFacade.Core.Suppliers;

namespace FhirFacade.Core.Location;

/// <summary>The organisation directory (<c>Facade:Organisations</c>): which organisation's records live in which supplier system, and where.</summary>
public sealed class OrganisationDirectoryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Facade";

    /// <summary>The organisations, one per ODS code.</summary>
    public List<OrganisationEndpoint> Organisations { get; set; } = [];
}
