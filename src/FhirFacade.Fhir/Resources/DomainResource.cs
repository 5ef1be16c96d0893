namespace FhirFacade.Fhir.Resources;

/// <summary>Extension look-up on resources.</summary>
public abstract partial class DomainResource
{
    /// <summary>The first extension with this URL, or <see langword="null"/>.</summary>
    public Extension? GetExtension(string url) =>
        Extension.Find(e => string.Equals(e.Url, url, StringComparison.Ordinal));
}
