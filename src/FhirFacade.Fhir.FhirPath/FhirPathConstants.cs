namespace FhirFacade.Fhir.FhirPath;

/// <summary>URLs and names FHIRPath over FHIR R4 fixes (<see href="https://hl7.org/fhir/R4/fhirpath.html#vars"/>).</summary>
public static class FhirPathConstants
{
    /// <summary>The UCUM code system, <c>%ucum</c>.</summary>
    public const string UcumSystem = "http://unitsofmeasure.org";

    /// <summary>SNOMED CT, <c>%sct</c>.</summary>
    public const string SnomedSystem = "http://snomed.info/sct";

    /// <summary>LOINC, <c>%loinc</c>.</summary>
    public const string LoincSystem = "http://loinc.org";

    /// <summary>The base of <c>%vs-[name]</c>: <c>http://hl7.org/fhir/ValueSet/[name]</c>.</summary>
    public const string ValueSetBase = "http://hl7.org/fhir/ValueSet/";

    /// <summary>The base of <c>%ext-[name]</c>: <c>http://hl7.org/fhir/StructureDefinition/[name]</c>.</summary>
    public const string ExtensionBase = "http://hl7.org/fhir/StructureDefinition/";

    /// <summary>The XHTML namespace narrative <c>div</c>s must use.</summary>
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";
}
