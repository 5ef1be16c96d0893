namespace FhirFacade.Core.Suppliers;

/// <summary>The <c>meta.source</c> of a mapped resource: which supplier system and which organisation it came from.</summary>
public static class ResourceSource
{
    /// <summary>The URN prefix of facade sources.</summary>
    public const string Prefix = "urn:fhirfacade:source:";

    /// <summary><c>urn:fhirfacade:source:{supplier}:{ods}</c>, e.g. <c>urn:fhirfacade:source:emis:A81001</c>.</summary>
    public static string For(string supplier, string odsCode) => Prefix + supplier + ":" + odsCode;
}
