using FhirFacade.Fhir.Packages;

namespace FhirFacade.Fhir.Tests.Resources;

/// <summary>Where the generated typed model lives in the checkout.</summary>
internal static class RepositoryPaths
{
    public static string GeneratedSources
    {
        get
        {
            var checkout = FhirPackageLocator.FindCheckoutRoot()
                ?? throw new InvalidOperationException("The FhirFacade checkout (FhirFacade.sln) was not found above the test directory.");
            return Path.Combine(checkout, "src", "FhirFacade.Fhir", "Resources", "Generated");
        }
    }
}
