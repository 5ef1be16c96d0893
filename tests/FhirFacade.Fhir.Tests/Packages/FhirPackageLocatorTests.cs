using FhirFacade.Fhir.Packages;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Tests.Packages;

[Trait("Category", "Unit")]
public sealed class FhirPackageLocatorTests
{
    [Fact]
    public void CreateDefault_SearchesConfiguredThenSharedThenUserCache()
    {
        var configured = Path.Combine(Path.GetTempPath(), "configured-packages");

        var locator = FhirPackageLocator.CreateDefault([configured]);

        locator.Folders.Should().HaveCount(3);
        locator.Folders[0].Should().Be(Path.GetFullPath(configured));
        locator.Folders[1].Should().Be(TestFhir.SharedPackagesFolder);
        locator.Folders[2].Should().EndWith(Path.Combine(".fhir", "packages"));
    }

    [Fact]
    public void Find_SharedFolder_FindsCorePackageButNeverThePrerelease()
    {
        var locator = new FhirPackageLocator([TestFhir.SharedPackagesFolder]);

        var core = locator.Find("hl7.fhir.r4.core", "4.0.x");
        var draft = locator.Find("fhir.r4.ukcore.stu3.currentbuild", "*");

        core.Should().EndWith("hl7.fhir.r4.core#4.0.1");
        draft.Should().BeNull();
    }

    [Fact]
    public void FindCheckoutRoot_FromTestDirectory_FindsTheSolutionFolder()
    {
        var root = FhirPackageLocator.FindCheckoutRoot();

        File.Exists(Path.Combine(root!, "FhirFacade.sln")).Should().BeTrue();
    }
}
