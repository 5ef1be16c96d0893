using FhirFacade.Core.Sharing;

namespace FhirFacade.Core.Suppliers;

/// <summary>
/// One organisation in the directory: whose system holds its records, and how to reach it.
/// Configured under <c>Facade:Organisations</c>.
/// </summary>
public sealed class OrganisationEndpoint
{
    /// <summary>The ODS code (<c>A81001</c>).</summary>
    public string OdsCode { get; set; } = string.Empty;

    /// <summary>The organisation's name, for messages.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The supplier id of its clinical system (<c>emis</c>, <c>tpp</c>, <c>vision</c>, <c>microtest</c>).</summary>
    public string Supplier { get; set; } = string.Empty;

    /// <summary>The base address of the supplier's native API for this organisation.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Supplier-specific credentials and settings (for example <c>ApiKey</c>); never logged.</summary>
    public Dictionary<string, string> Credentials { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What the organisation shares, and with whom (docs/sharing.md); by default everything with everyone.</summary>
    public OrganisationSharingOptions Sharing { get; set; } = new();
}
