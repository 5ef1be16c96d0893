namespace FhirFacade.Fhir.Serialization.Xml;

/// <summary>Options for <see cref="FhirXmlParser"/>. Defaults are strict and safe.</summary>
public sealed record FhirXmlParserOptions
{
    /// <summary>Strict defaults.</summary>
    public static FhirXmlParserOptions Default { get; } = new();

    /// <summary>
    /// Downgrade to warnings what can be read safely: unknown elements and attributes are skipped,
    /// out-of-order elements and a repeated single element (first kept) are accepted.
    /// </summary>
    public bool Lenient { get; init; }

    /// <summary>Largest document accepted, in characters (default 16 M); larger input is rejected without being read.</summary>
    public long MaxCharacters { get; init; } = 16 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted (default 128).</summary>
    public int MaxDepth { get; init; } = 128;
}
