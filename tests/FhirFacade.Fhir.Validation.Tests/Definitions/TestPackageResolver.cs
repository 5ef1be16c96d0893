using FhirFacade.Fhir.Packages;

namespace FhirFacade.Fhir.Validation.Tests.Definitions;

/// <summary>The project's FHIR packages (R4 core + UK Core STU2, from <c>profiles/package.json</c>), opened once for all tests.</summary>
internal static class TestPackageResolver
{
    private static readonly Lazy<FhirPackageSet> SharedSet = new(() => FhirPackageSet.OpenProject());

    public static FhirPackageSet Shared => SharedSet.Value;
}
