namespace FhirFacade.Simulators.Catalogues;

/// <summary>Code system URIs the simulators and their ConceptMaps use.</summary>
public static class CodeSystems
{
    public const string Snomed = "http://snomed.info/sct";
    public const string Dmd = "https://dmd.nhs.uk";
    public const string ReadV2 = "http://read.info/readv2";
    public const string Ctv3 = "http://read.info/ctv3";

    /// <summary>The simulated EMIS Web's local code system (defined by this project).</summary>
    public const string EmisLocal = "https://fhirfacade.example.org/CodeSystem/emis-local";
}
