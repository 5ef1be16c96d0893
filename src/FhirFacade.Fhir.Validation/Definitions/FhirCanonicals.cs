namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>Canonical URLs and type names the definition and snapshot code relies on.</summary>
public static class FhirCanonicals
{
    /// <summary>The prefix of every R4 core StructureDefinition canonical.</summary>
    public const string CoreStructureDefinitionBase = "http://hl7.org/fhir/StructureDefinition/";

    /// <summary>The <c>Extension</c> type code.</summary>
    public const string ExtensionType = "Extension";

    /// <summary>The prefix of FHIRPath system type codes used for primitive values (<c>http://hl7.org/fhirpath/System.String</c>).</summary>
    public const string FhirPathSystemTypePrefix = "http://hl7.org/fhirpath/System.";

    /// <summary>The canonical of the core definition of a type: <c>Identifier</c> → <c>http://hl7.org/fhir/StructureDefinition/Identifier</c>.</summary>
    public static string ForCoreType(string typeCode) =>
        typeCode.Contains(':', StringComparison.Ordinal) ? typeCode : CoreStructureDefinitionBase + typeCode;

    /// <summary>The canonical without its <c>|version</c> suffix.</summary>
    public static string WithoutVersion(string canonical)
    {
        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? canonical : canonical[..bar];
    }
}
