namespace FhirFacade.Fhir.Packages;

/// <summary>
/// A package dependency as written in a <c>package.json</c> <c>dependencies</c> entry: an id and a
/// version or version range (<c>4.0.1</c>, <c>4.0.x</c>, <c>4.x</c>, <c>*</c>, <c>latest</c>).
/// </summary>
/// <param name="Id">The package id, e.g. <c>hl7.fhir.r4.core</c>.</param>
/// <param name="Version">The version or range, e.g. <c>4.0.1</c> or <c>4.0.x</c>.</param>
public sealed record FhirPackageReference(string Id, string Version)
{
    /// <inheritdoc />
    public override string ToString() => $"{Id}#{Version}";
}
