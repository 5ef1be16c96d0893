namespace FhirFacade.Simulators.Emis;

/// <summary>Names of the simulated EMIS record format ("OpenHR-lite").</summary>
internal static class EmisXml
{
    public const string Namespace = "urn:fhirfacade:sim:emis:openhr-lite:1";
    public const string ContentType = "application/xml";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string SchemeSnomed = "SNOMED";
    public const string SchemeEmis = "EMIS";
    public const string SchemeDmd = "DMD";
}
