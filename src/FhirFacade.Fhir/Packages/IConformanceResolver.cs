using System.Text.Json;

namespace FhirFacade.Fhir.Packages;

/// <summary>
/// Finds conformance resources (StructureDefinition, ValueSet, CodeSystem, ConceptMap…) in the
/// loaded FHIR packages, as raw JSON parsed on first use and cached. Thread-safe.
/// </summary>
public interface IConformanceResolver
{
    /// <summary>
    /// Resolves a canonical URL, optionally with <c>|version</c>
    /// (<see href="https://hl7.org/fhir/R4/references.html#canonical"/>); without a version the
    /// highest version wins. <see langword="null"/> when no loaded package defines it.
    /// </summary>
    JsonElement? ResolveCanonical(string canonical);

    /// <summary>Finds a resource by type and id (<c>StructureDefinition</c>, <c>UKCore-Patient</c>).</summary>
    JsonElement? ResolveById(string resourceType, string id);

    /// <summary>Lists the resources of the loaded packages from their indexes, without parsing them.</summary>
    /// <param name="resourceType">Only resources of this type, or all when <see langword="null"/>.</param>
    IEnumerable<PackageResourceInfo> ListResources(string? resourceType = null);
}

/// <summary>One resource as listed in a package's <c>.index.json</c>.</summary>
/// <param name="PackageId">The package id, e.g. <c>fhir.r4.ukcore.stu2</c>.</param>
/// <param name="PackageVersion">The package version, e.g. <c>2.0.2</c>.</param>
/// <param name="ResourceType">The resource type.</param>
/// <param name="Id">The resource id.</param>
/// <param name="Url">The canonical URL, when it has one.</param>
/// <param name="Version">The resource's business version, when it has one.</param>
/// <param name="Kind">For StructureDefinitions, <c>kind</c> (resource, complex-type…).</param>
/// <param name="Type">For StructureDefinitions, <c>type</c>.</param>
/// <param name="FileName">The file name inside the package folder.</param>
public sealed record PackageResourceInfo(
    string PackageId,
    string PackageVersion,
    string ResourceType,
    string Id,
    string? Url,
    string? Version,
    string? Kind,
    string? Type,
    string FileName);
