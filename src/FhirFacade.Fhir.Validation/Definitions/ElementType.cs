namespace FhirFacade.Fhir.Validation.Definitions;

/// <summary>One allowed type of an element (<c>ElementDefinition.type</c>).</summary>
/// <param name="Code">The type code (<c>string</c>, <c>CodeableConcept</c>, <c>Reference</c>), or for the primitive
/// values inside primitives a FHIRPath system type URL (<c>http://hl7.org/fhirpath/System.String</c>).</param>
/// <param name="Profile">Profiles the value must conform to (for extensions: the extension definition).</param>
/// <param name="TargetProfile">For <c>Reference</c>/<c>canonical</c>: profiles the target must conform to.</param>
/// <param name="Aggregation">For references: <c>contained</c>, <c>referenced</c>, <c>bundled</c>.</param>
public sealed record ElementType(
    string Code,
    IReadOnlyList<string> Profile,
    IReadOnlyList<string> TargetProfile,
    IReadOnlyList<string> Aggregation)
{
    /// <summary>Creates a type with only a code.</summary>
    public ElementType(string code)
        : this(code, [], [], [])
    {
    }
}
