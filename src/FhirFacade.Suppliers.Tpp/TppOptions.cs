namespace FhirFacade.Suppliers.Tpp;

/// <summary>Options of the TPP adapter (<c>Suppliers:Tpp</c>). Endpoints and per-organisation API keys live in the organisation directory.</summary>
public sealed class TppOptions : SupplierHttpOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Suppliers:Tpp";

    /// <summary>The API key used when an organisation's directory entry has no <c>ApiKey</c> credential.</summary>
    public string? ApiKey { get; set; }
}
