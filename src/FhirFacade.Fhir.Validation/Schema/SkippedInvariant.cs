namespace FhirFacade.Fhir.Validation.Schema;

/// <summary>An invariant the validator does not evaluate, and why (listed for documentation and diagnostics).</summary>
/// <param name="Key">The constraint key.</param>
/// <param name="Canonical">The StructureDefinition where it was first met.</param>
/// <param name="Expression">Its FHIRPath expression, when it has one.</param>
/// <param name="Reason">Why it is skipped.</param>
public sealed record SkippedInvariant(string Key, string Canonical, string? Expression, string Reason);
