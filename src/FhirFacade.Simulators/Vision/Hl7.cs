namespace FhirFacade.Simulators.Vision;

/// <summary>Constants of the simulated Vision HL7 v2.5 interface (docs/suppliers/vision.md).</summary>
internal static class Hl7
{
    public const string Version = "2.5";
    public const string RecordQuery = "VRQ";
    public const string ExistsQuery = "VEQ";
    public const string DemographicQuery = "VDQ";

    /// <summary>The most PID segments a demographic query answers with (QAK-6 counts the rest).</summary>
    public const int MaxMatches = 50;
    public const string ReadV2 = "READ2";
    public const string Snomed = "SCT";
    public const string Dmd = "DMD";
    public const string NhsAuthority = "NHS";
    public const string ErrorTable = "HL70357";
    public const string SendingApplication = "VISION";
}
