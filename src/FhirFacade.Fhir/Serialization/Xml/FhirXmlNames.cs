namespace FhirFacade.Fhir.Serialization.Xml;

/// <summary>Namespaces and fixed names of the FHIR XML format (<see href="https://hl7.org/fhir/R4/xml.html"/>).</summary>
internal static class FhirXmlNames
{
    public const string FhirNamespace = "http://hl7.org/fhir";
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";
    public const string ValueAttribute = "value";
    public const string XhtmlType = "xhtml";
}
