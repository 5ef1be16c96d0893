namespace FhirFacade.Fhir.Serialization.Json;

/// <summary>Options for <see cref="FhirJsonSerializer"/>.</summary>
public sealed record FhirJsonSerializerOptions
{
    /// <summary>Compact output (the default).</summary>
    public static FhirJsonSerializerOptions Compact { get; } = new();

    /// <summary>Indented output, two spaces per level.</summary>
    public static FhirJsonSerializerOptions Indented { get; } = new() { Pretty = true };

    /// <summary>Indent the output (two spaces, one property per line). Default <see langword="false"/>.</summary>
    public bool Pretty { get; init; }
}
