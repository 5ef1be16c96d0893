namespace FhirFacade.Fhir.Resources;

/// <summary>Constructor for the common case: <c>new Extension(UkCoreExtensions.EthnicCategory, new CodeableConcept(...))</c>.</summary>
public sealed partial class Extension
{
    /// <summary>Creates an empty extension, for object initialisers.</summary>
    public Extension()
    {
    }

    /// <summary>Creates an extension with its URL (a constant from <c>UkCoreExtensions</c>) and, for a simple extension, its value.</summary>
    public Extension(string url, DataType? value = null)
    {
        Url = url;
        Value = value;
    }
}
