namespace FhirFacade.Suppliers.Vision;

/// <summary>
/// The Vision HL7 v2.5 interface's native values (docs/suppliers/vision.md) and the supplier id.
/// Public: the values a client of the interface needs (the benchmarks' MLLP load builds its query from them).
/// </summary>
public static class VisionCodeSystems
{
    /// <summary>The supplier id.</summary>
    public const string SupplierId = "vision";

    /// <summary>The supplier's name for people.</summary>
    public const string DisplayName = "INPS Vision";

    /// <summary>The HL7 version spoken.</summary>
    public const string Hl7Version = "2.5";

    /// <summary>MSH-3 of the facade's queries.</summary>
    public const string SendingApplication = "FHIRFACADE";

    /// <summary>MSH-4 of the facade's queries.</summary>
    public const string SendingFacility = "FACADE";

    /// <summary>MSH-5 of the facade's queries.</summary>
    public const string ReceivingApplication = "VISION";

    /// <summary>MSH-11: production.</summary>
    public const string ProcessingId = "P";

    /// <summary>The query message type (MSH-9).</summary>
    public static readonly string[] QueryMessageType = ["QBP", "Q11", "QBP_Q11"];

    /// <summary>The answer message type (MSH-9 components 1 and 2).</summary>
    public const string ResponseMessageType = "RSP";

    public const string ResponseTrigger = "K11";

    /// <summary>QPD-1 of the full record query.</summary>
    public static readonly string[] RecordQuery = ["VRQ", "Vision Record Query", "L"];

    /// <summary>QPD-1 of the cheap "do you hold?" query (PID, PD1, ZSH only).</summary>
    public static readonly string[] ExistsQuery = ["VEQ", "Vision Exists Query", "L"];

    /// <summary>QPD-1 of the demographic query (QPD-3 family name, QPD-4 birth date; one PID per match).</summary>
    public static readonly string[] DemographicQuery = ["VDQ", "Vision Demographic Query", "L"];

    /// <summary>The CX assigning authority and identifier type of an NHS number (QPD-3, PID-3).</summary>
    public const string NhsAuthority = "NHS";

    public const string NhsIdentifierType = "NH";

    /// <summary>QPD-4 record areas.</summary>
    public const string AreaProblems = "PROBLEMS";

    public const string AreaAllergies = "ALLERGIES";

    public const string AreaMedications = "MEDICATIONS";

    /// <summary>MSA-1 acknowledgement codes.</summary>
    public const string AckAccepted = "AA";

    public const string AckError = "AE";

    public const string AckRejected = "AR";

    /// <summary>QAK-2 "no data found".</summary>
    public const string QueryNotFound = "NF";

    /// <summary>ERR-3 "Unknown key identifier" (HL7 table 0357): the patient is not held.</summary>
    public const string ErrorUnknownKey = "204";

    /// <summary>The ERR-8 marker of a failed security check (a wrong MSH-8 access key).</summary>
    public const string SecurityCheckMarker = "MSH-8";

    /// <summary>Native coding systems (CWE-3).</summary>
    public const string ReadV2 = "READ2";

    public const string Snomed = "SCT";

    public const string Dmd = "DMD";

    /// <summary>The XCN assigning authority of SDS user ids and of GMC numbers (PD1-4).</summary>
    public const string SdsAuthority = "SDS";

    public const string GmcAuthority = "GMC";

    /// <summary>Yes in Y/N flags.</summary>
    public const string Yes = "Y";

    /// <summary>SNOMED CT "No known allergy".</summary>
    public const string NoKnownAllergy = "716186003";

    /// <summary>The facade's ConceptMap from Read v2 to SNOMED CT (profiles/ConceptMap-readv2-to-snomed.json).</summary>
    public const string ReadV2ToSnomedConceptMap = "https://fhirfacade.example.org/fhir/ConceptMap/readv2-to-snomed";

    /// <summary>The directory credential holding an organisation's access key (MSH-8).</summary>
    public const string AccessKeyCredential = "AccessKey";

    /// <summary>The URI schemes accepted for an organisation's MLLP endpoint (<c>mllp://host:port</c>).</summary>
    public static readonly string[] EndpointSchemes = ["mllp", "tcp"];
}
