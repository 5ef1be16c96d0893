namespace FhirFacade.Fhir.Serialization.Json;

/// <summary>Options for <see cref="FhirJsonParser"/>.</summary>
public sealed record FhirJsonParserOptions
{
    /// <summary>Strict parsing (the default): every breach of the FHIR JSON rules is an error.</summary>
    public static FhirJsonParserOptions Strict { get; } = new();

    /// <summary>Lenient parsing: what can be read safely is read and reported as a warning (see docs/issue-codes.md).</summary>
    public static FhirJsonParserOptions LenientDefault { get; } = new() { Lenient = true };

    /// <summary>
    /// When <see langword="true"/>, problems that leave the meaning of the data intact (unknown
    /// properties, which are dropped; a single value where an array is expected, which is accepted;
    /// empty values and stray <c>null</c>s, which are ignored) are warnings instead of errors. Default <see langword="false"/>.
    /// </summary>
    public bool Lenient { get; init; }

    /// <summary>The deepest nesting of objects (resources, complex values, backbone elements) read; deeper content is reported and skipped. Default 100.</summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>Whether to check each primitive's lexical form (dates, ids, codes…) against the R4 rules. Default <see langword="true"/>.</summary>
    public bool ValidatePrimitives { get; init; } = true;

    /// <summary>Whether to record each node's line and column in <see cref="Model.ElementNode.Position"/>. Default <see langword="true"/>.</summary>
    public bool TrackPositions { get; init; } = true;
}
