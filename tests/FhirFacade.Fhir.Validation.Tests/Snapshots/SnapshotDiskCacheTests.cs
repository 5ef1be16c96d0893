using System.Text.Json.Nodes;
using FhirFacade.Fhir.Validation.Snapshots;
using FhirFacade.Fhir.Validation.Tests.Definitions;

namespace FhirFacade.Fhir.Validation.Tests.Snapshots;

[Trait("Category", "Integration")]
public sealed class SnapshotDiskCacheTests : IDisposable
{
    private const string Condition = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Condition";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fhirfacade-snapcache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private StructureDefinitionProvider CreateSut() =>
        new(TestPackageResolver.Shared, new SnapshotCacheOptions { Folder = _folder });

    private static string CacheFile(StructureDefinitionProvider provider, string canonical) =>
        new SnapshotDiskCache(Path.GetDirectoryName(provider.CacheDirectory!)!, Path.GetFileName(provider.CacheDirectory!)).FileFor(canonical);

    [Fact]
    public void Resolve_UkCoreProfile_WritesSnapshotToCache()
    {
        var sut = CreateSut();

        sut.Resolve(Condition);

        File.Exists(CacheFile(sut, Condition)).Should().BeTrue();
        sut.CacheDirectory.Should().StartWith(_folder);
    }

    [Fact]
    public void Resolve_SecondProvider_ReadsSnapshotFromCache()
    {
        var first = CreateSut();
        first.Resolve(Condition);
        var file = CacheFile(first, Condition);
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        json["snapshot"]!["element"]![0]!["short"] = "read from the cache";
        File.WriteAllText(file, json.ToJsonString());

        var second = CreateSut().Resolve(Condition);

        second!.Snapshot![0].Short.Should().Be("read from the cache");
    }

    [Fact]
    public void Resolve_CorruptCacheFile_RegeneratesSilently()
    {
        var first = CreateSut();
        var expectedCount = first.Resolve(Condition)!.Snapshot!.Count;
        var file = CacheFile(first, Condition);
        File.WriteAllText(file, "{ not json");

        var second = CreateSut();
        var sd = second.Resolve(Condition);

        sd!.Snapshot!.Count.Should().Be(expectedCount);
        second.GetIssues(Condition).Should().NotContain(i => i.IsError);
        JsonNode.Parse(File.ReadAllText(file)).Should().NotBeNull();
    }

    [Fact]
    public void Resolve_CacheFolderDeleted_Regenerates()
    {
        CreateSut().Resolve(Condition);
        Directory.Delete(_folder, recursive: true);

        var sd = CreateSut().Resolve(Condition);

        sd!.HasSnapshot.Should().BeTrue();
        Directory.Exists(_folder).Should().BeTrue();
    }

    [Fact]
    public void Resolve_CacheDisabled_WritesNothing()
    {
        var sut = new StructureDefinitionProvider(TestPackageResolver.Shared, new SnapshotCacheOptions { Folder = _folder, Enabled = false });

        sut.Resolve(Condition);

        sut.CacheDirectory.Should().BeNull();
        Directory.Exists(_folder).Should().BeFalse();
    }

    [Fact]
    public void ComputeKey_DifferentPackages_GiveDifferentKeys()
    {
        var a = SnapshotDiskCache.ComputeKey(["fhir.r4.ukcore.stu2#2.0.2|x"]);
        var b = SnapshotDiskCache.ComputeKey(["fhir.r4.ukcore.stu2#2.0.3|x"]);

        a.Should().NotBe(b);
        a.Should().StartWith("v" + SnapshotGenerator.GeneratorVersion + "-");
        SnapshotDiskCache.ComputeKey(["fhir.r4.ukcore.stu2#2.0.2|x"]).Should().Be(a);
    }

    [Fact]
    public void DefaultFolder_UsesFhirfacadeSnapshotsUnderCacheRoot()
    {
        var folder = new SnapshotCacheOptions().ResolveFolder();

        folder.Should().EndWith(Path.Combine("fhirfacade", "snapshots"));
    }
}
