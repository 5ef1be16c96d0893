namespace FhirFacade.Server.Http;

/// <summary>The wire formats the facade speaks.</summary>
public enum FhirFormat
{
    Json,
    Xml,
}
