namespace FhirFacade.Fhir.Serialization.Xml;

/// <summary>Options for <see cref="FhirXmlSerializer"/>.</summary>
public sealed record FhirXmlSerializerOptions
{
    /// <summary>Compact output.</summary>
    public static FhirXmlSerializerOptions Default { get; } = new();

    /// <summary>Indent the output for people to read.</summary>
    public bool Pretty { get; init; }
}
