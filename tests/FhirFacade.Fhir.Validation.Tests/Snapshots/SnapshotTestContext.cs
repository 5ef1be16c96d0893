using FhirFacade.Fhir.Validation.Snapshots;
using FhirFacade.Fhir.Validation.Tests.Definitions;

namespace FhirFacade.Fhir.Validation.Tests.Snapshots;

/// <summary>One provider (no disk cache) shared by the snapshot tests, so each UK Core snapshot is generated once.</summary>
internal static class SnapshotTestContext
{
    private static readonly Lazy<StructureDefinitionProvider> SharedProvider =
        new(() => new StructureDefinitionProvider(TestPackageResolver.Shared));

    public static StructureDefinitionProvider Provider => SharedProvider.Value;

    public static IEnumerable<string> UkCoreStructureDefinitionUrls() =>
        TestPackageResolver.Shared.ListResources("StructureDefinition")
            .Where(r => r.PackageId == "fhir.r4.ukcore.stu2")
            .Select(r => r.Url!)
            .Order(StringComparer.Ordinal);
}
