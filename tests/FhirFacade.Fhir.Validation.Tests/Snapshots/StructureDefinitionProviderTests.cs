using FhirFacade.Fhir.Validation.Definitions;
using FhirFacade.Fhir.Validation.Snapshots;

namespace FhirFacade.Fhir.Validation.Tests.Snapshots;

[Trait("Category", "Conformance")]
public sealed class StructureDefinitionProviderTests
{
    public static TheoryData<string> UkCoreDefinitions => new(SnapshotTestContext.UkCoreStructureDefinitionUrls());

    [Fact]
    public void UkCorePackage_Has78StructureDefinitions()
    {
        SnapshotTestContext.UkCoreStructureDefinitionUrls().Should().HaveCount(78);
    }

    [Theory]
    [MemberData(nameof(UkCoreDefinitions))]
    public void Resolve_UkCoreDefinition_GeneratesSnapshotWithoutErrors(string canonical)
    {
        var provider = SnapshotTestContext.Provider;

        var sd = provider.Resolve(canonical);

        sd.Should().NotBeNull();
        sd!.HasSnapshot.Should().BeTrue();
        provider.GetIssues(canonical).Where(i => i.IsError).Select(i => i.ToString()).Should().BeEmpty();
        sd.Snapshot!.Select(e => e.Id).Should().OnlyHaveUniqueItems();
        sd.Snapshot![0].Path.Should().Be(sd.Type);
        sd.Differential.Select(d => d.Id)
            .Where(id => !id.Contains("[x]", StringComparison.Ordinal) || sd.Snapshot.Any(e => e.Id == id))
            .Should().BeSubsetOf(sd.Snapshot.Select(e => e.Id));
    }

    [Fact]
    public void Resolve_CoreDefinition_ReturnsShippedSnapshot()
    {
        var sd = SnapshotTestContext.Provider.Resolve("http://hl7.org/fhir/StructureDefinition/Patient");

        sd!.Snapshot!.Count.Should().BeGreaterThan(40);
        sd.Derivation.Should().Be(TypeDerivation.Specialization);
    }

    [Fact]
    public void Resolve_UnknownCanonical_ReturnsNull()
    {
        SnapshotTestContext.Provider.Resolve("http://example.org/StructureDefinition/none").Should().BeNull();
    }

    [Fact]
    public void Resolve_SameCanonicalTwice_ReturnsSameInstance()
    {
        const string canonical = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Condition";

        var first = SnapshotTestContext.Provider.Resolve(canonical);
        var second = SnapshotTestContext.Provider.Resolve(canonical);

        second.Should().BeSameAs(first);
    }

    [Fact]
    public async Task Resolve_ConcurrentCallers_GenerateOnceAndShareTheResult()
    {
        var sut = new StructureDefinitionProvider(Definitions.TestPackageResolver.Shared);
        string[] canonicals =
        [
            "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient",
            "https://fhir.hl7.org.uk/StructureDefinition/UKCore-MedicationStatement",
        ];

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => sut.Resolve(canonicals[i % 2]))));

        results.Where((_, i) => i % 2 == 0).Distinct().Should().ContainSingle().Which!.HasSnapshot.Should().BeTrue();
        results.Where((_, i) => i % 2 == 1).Distinct().Should().ContainSingle().Which!.HasSnapshot.Should().BeTrue();
    }
}
