namespace FhirFacade.Fhir.Model;

/// <summary>A 1-based line and column in the source text a node or an issue came from.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"line {Line}, column {Column}";
}
