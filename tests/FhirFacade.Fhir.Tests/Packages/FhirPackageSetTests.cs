using FhirFacade.Fhir.Packages;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Fhir.Tests.Packages;

[Trait("Category", "Unit")]
public sealed class FhirPackageSetTests : IDisposable
{
    private const string VsA = "http://example.org/ValueSet/a";
    private const string VsB = "http://example.org/ValueSet/b";
    private readonly TempPackageFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Open_MissingPackage_MessageNamesIdVersionAndEveryFolder()
    {
        var missingFolder = Path.Combine(_folder.Root, "nowhere");
        var locator = new FhirPackageLocator([_folder.Root, missingFolder]);

        var act = () => FhirPackageSet.Open([new FhirPackageReference("example.missing", "1.2.3")], locator);

        act.Should().Throw<FhirPackageException>()
            .Which.Message.Should().Contain("example.missing").And.Contain("1.2.3")
            .And.Contain(_folder.Root).And.Contain(missingFolder).And.Contain("does not exist");
    }

    [Fact]
    public void Open_MissingDependency_MessageNamesTheDependency()
    {
        _folder.AddFolderPackage("example.a#1.0.0", TempPackageFolder.PackageFiles("example.a", "1.0.0", [], new Dictionary<string, string> { ["example.b"] = "2.0.x" }));
        var locator = new FhirPackageLocator([_folder.Root]);

        var act = () => FhirPackageSet.Open([new FhirPackageReference("example.a", "1.0.0")], locator);

        act.Should().Throw<FhirPackageException>().Which.Message.Should().Contain("example.b").And.Contain("2.0.x").And.Contain(_folder.Root);
    }

    [Fact]
    public void Open_Dependencies_AreResolvedRecursivelyWithHighestWildcardMatch()
    {
        _folder.AddFolderPackage("example.a#1.0.0", TempPackageFolder.PackageFiles("example.a", "1.0.0", [(VsA, "1")], new Dictionary<string, string> { ["example.b"] = "2.0.x" }));
        _folder.AddFolderPackage("example.b#2.0.1", TempPackageFolder.PackageFiles("example.b", "2.0.1", [(VsB, "1")]));
        _folder.AddFolderPackage("example.b#2.0.10", TempPackageFolder.PackageFiles("example.b", "2.0.10", [(VsB, "2")]));
        _folder.AddFolderPackage("example.b#2.1.0", TempPackageFolder.PackageFiles("example.b", "2.1.0", [(VsB, "3")]));
        var locator = new FhirPackageLocator([_folder.Root]);

        var set = FhirPackageSet.Open([new FhirPackageReference("example.a", "1.0.0")], locator);

        set.Packages.Select(p => $"{p.Id}#{p.Version}").Should().Equal("example.a#1.0.0", "example.b#2.0.10");
        set.ResolveCanonical(VsB)!.Value.GetProperty("version").GetString().Should().Be("2");
    }

    [Fact]
    public void ResolveCanonical_WithAndWithoutVersion_PicksExactOrHighest()
    {
        _folder.AddFolderPackage("example.a#1.0.0", TempPackageFolder.PackageFiles("example.a", "1.0.0", [(VsA, "1.9.0")]));
        _folder.AddFolderPackage("example.b#1.0.0", TempPackageFolder.PackageFiles("example.b", "1.0.0", [(VsA, "1.10.0")]));
        var set = FhirPackageSet.Open(
            [new FhirPackageReference("example.a", "1.0.0"), new FhirPackageReference("example.b", "1.0.0")],
            new FhirPackageLocator([_folder.Root]));

        var latest = set.ResolveCanonical(VsA);
        var pinned = set.ResolveCanonical(VsA + "|1.9.0");
        var unknown = set.ResolveCanonical(VsA + "|3.0.0");

        latest!.Value.GetProperty("version").GetString().Should().Be("1.10.0");
        pinned!.Value.GetProperty("version").GetString().Should().Be("1.9.0");
        unknown.Should().BeNull();
    }

    [Fact]
    public void FromPackages_SameCanonicalInTwoPackages_ThrowsNamingBoth()
    {
        var first = FhirPackage.Load(_folder.AddFolderPackage("example.a#1.0.0", TempPackageFolder.PackageFiles("example.a", "1.0.0", [(VsA, "1.0.0")])));
        var second = FhirPackage.Load(_folder.AddFolderPackage("example.b#1.0.0", TempPackageFolder.PackageFiles("example.b", "1.0.0", [(VsA, "1.0.0")])));

        var act = () => FhirPackageSet.FromPackages([first, second]);

        act.Should().Throw<FhirPackageException>()
            .Which.Message.Should().Contain(VsA + "|1.0.0").And.Contain("example.a#1.0.0").And.Contain("example.b#1.0.0");
    }

    [Theory]
    [InlineData("example.t-1.0.0.tgz", true)]
    [InlineData("example.t#1.0.0.tgz", true)]
    [InlineData("example.t-1.0.0.tgz", false)]
    public void Open_Tarball_LoadsPackageFromMemory(string fileName, bool withIndex)
    {
        _folder.AddTarball(fileName, TempPackageFolder.PackageFiles("example.t", "1.0.0", [(VsA, "7")], withIndex: withIndex));

        var set = FhirPackageSet.Open([new FhirPackageReference("example.t", "1.0.x")], new FhirPackageLocator([_folder.Root]));

        set.Packages.Should().ContainSingle().Which.Location.Should().EndWith(fileName);
        set.ResolveCanonical(VsA)!.Value.GetProperty("version").GetString().Should().Be("7");
        set.ResolveById("ValueSet", "vs0").Should().NotBeNull();
    }

    [Fact]
    public void Open_PackageInUnderscoreFolder_IsNotFound()
    {
        _folder.AddFolderPackage("example.pre#1.0.0", TempPackageFolder.PackageFiles("example.pre", "1.0.0", []), subFolder: "_prerelease");
        _folder.AddFolderPackage("_example.pre#1.0.0", TempPackageFolder.PackageFiles("_example.pre", "1.0.0", []));
        var locator = new FhirPackageLocator([_folder.Root]);

        var nested = () => FhirPackageSet.Open([new FhirPackageReference("example.pre", "1.0.0")], locator);
        var underscored = locator.Find("_example.pre", "1.0.0");

        nested.Should().Throw<FhirPackageException>();
        underscored.Should().BeNull();
    }

    [Fact]
    public void Open_IndexedPackage_ParsesResourceFilesOnlyOnFirstUse()
    {
        var files = TempPackageFolder.PackageFiles("example.lazy", "1.0.0", [(VsA, "1")]);
        files["ValueSet-vs0.json"] = "{ this is not json";
        _folder.AddFolderPackage("example.lazy#1.0.0", files);

        var set = FhirPackageSet.Open([new FhirPackageReference("example.lazy", "1.0.0")], new FhirPackageLocator([_folder.Root]));
        var listed = set.ListResources("ValueSet").ToList();
        var resolve = () => set.ResolveCanonical(VsA);

        listed.Should().ContainSingle().Which.Url.Should().Be(VsA);
        resolve.Should().Throw<FhirPackageException>().Which.Message.Should().Contain("ValueSet-vs0.json");
    }

    [Fact]
    public void OpenProject_ProjectManifest_LoadsCoreAndUkCoreButNotPrerelease()
    {
        var set = TestFhir.Packages;

        set.Packages.Select(p => $"{p.Id}#{p.Version}").Should().BeEquivalentTo("fhir.r4.ukcore.stu2#2.0.2", "hl7.fhir.r4.core#4.0.1");
        set.ListResources("StructureDefinition").Should().HaveCount(658 + 78);
        set.ListResources().Should().NotContain(r => r.PackageId.Contains("stu3", StringComparison.Ordinal));
    }

    [Fact]
    public void ResolveById_UkCorePatientProfile_ReturnsTheStructureDefinition()
    {
        var byId = TestFhir.Packages.ResolveById("StructureDefinition", "UKCore-Patient");
        var byUrl = TestFhir.Packages.ResolveCanonical("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient|2.5.0");

        byId!.Value.GetProperty("url").GetString().Should().Be("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient");
        byUrl!.Value.GetProperty("id").GetString().Should().Be("UKCore-Patient");
    }

    [Fact]
    public void ResolveCanonical_ConcurrentFirstUse_ReturnsTheSameDocument()
    {
        var results = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 16, _ => results.Add(TestFhir.Packages.ResolveCanonical("http://hl7.org/fhir/StructureDefinition/Observation")!.Value.GetProperty("id").GetString()!));

        results.Should().HaveCount(16).And.OnlyContain(id => id == "Observation");
    }
}
