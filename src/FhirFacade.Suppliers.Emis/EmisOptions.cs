namespace FhirFacade.Suppliers.Emis;

/// <summary>Options of the EMIS adapter (<c>Suppliers:Emis</c>). Endpoints and per-organisation API keys live in the organisation directory.</summary>
public sealed class EmisOptions : SupplierHttpOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Suppliers:Emis";

    /// <summary>The API key used when an organisation's directory entry has no <c>ApiKey</c> credential.</summary>
    public string? ApiKey { get; set; }
}
