namespace FhirFacade.Core.Audit;

/// <summary>
/// Interaction codes for <see cref="AuditRecord.Interaction"/>, from the FHIR restful-interaction
/// code system (https://hl7.org/fhir/R4/codesystem-restful-interaction.html).
/// </summary>
public static class AuditInteractions
{
    public const string Read = "read";
    public const string VRead = "vread";
    public const string SearchType = "search-type";

    /// <summary>A search of one type within a patient's compartment (<c>Patient/{id}/{type}</c>).</summary>
    public const string SearchCompartment = "search-compartment";
    public const string SearchSystem = "search-system";
    public const string Capabilities = "capabilities";
    public const string Operation = "operation";
    public const string History = "history";

    /// <summary>A request that could not be classified (e.g. an unknown route or a write on a read-only facade).</summary>
    public const string Other = "other";
}
