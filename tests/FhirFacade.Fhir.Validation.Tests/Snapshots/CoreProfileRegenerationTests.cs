using FhirFacade.Fhir.Validation.Definitions;
using FhirFacade.Fhir.Validation.Snapshots;
using FhirFacade.Fhir.Validation.Tests.Definitions;

namespace FhirFacade.Fhir.Validation.Tests.Snapshots;

/// <summary>
/// Fidelity check against HL7's own generator: every R4 core profile and extension that ships with both a
/// differential and a snapshot is regenerated from its differential, and the result must contain every shipped
/// element with the same types and fixed/pattern kinds. Known, deliberate differences: choice type slices
/// (<c>value[x]:valueQuantity</c>) are represented as a type restriction of <c>value[x]</c>; extension slices are
/// unfolded even where the differential does not constrain inside them.
/// </summary>
[Trait("Category", "Conformance")]
public sealed class CoreProfileRegenerationTests
{
    // Shipped data problems, not generator problems.
    private static readonly Dictionary<string, string> Skipped = new(StringComparer.Ordinal)
    {
        ["codesystem-history"] = "differential slices Extension.extension:revision.extension after setting its max to 0",
        ["structuredefinition-json-type"] = "shipped snapshot types Extension.id and Extension.url without a type code",
        ["structuredefinition-rdf-type"] = "shipped snapshot types Extension.id and Extension.url without a type code",
        ["structuredefinition-xml-type"] = "shipped snapshot types Extension.id and Extension.url without a type code",
    };

    public static TheoryData<string> CoreConstraints => new(
        TestPackageResolver.Shared.ListResources("StructureDefinition")
            .Where(r => r.PackageId == "hl7.fhir.r4.core")
            .Select(r => r.Id)
            .Where(id => !Skipped.ContainsKey(id) && Shipped(id) is { Derivation: TypeDerivation.Constraint, HasSnapshot: true, Differential.Count: > 0 })
            .Order(StringComparer.Ordinal));

    [Fact]
    public void CoreConstraints_CoverMoreThan400Definitions()
    {
        CoreConstraints.Should().HaveCountGreaterThan(400);
    }

    [Theory]
    [MemberData(nameof(CoreConstraints))]
    public void Generate_CoreProfileFromDifferential_MatchesShippedSnapshot(string id)
    {
        var shipped = Shipped(id)!;

        var result = new SnapshotGenerator(SnapshotTestContext.Provider).Generate(shipped with { Snapshot = null });

        result.Issues.Where(i => i.IsError).Select(i => i.ToString()).Should().BeEmpty();
        var generated = result.WithSnapshot.Snapshot!.ToDictionary(e => e.Id, StringComparer.Ordinal);
        foreach (var expected in shipped.Snapshot!.Where(e => !e.Id.Contains("[x]:", StringComparison.Ordinal)))
        {
            generated.Should().ContainKey(expected.Id);
            var actual = generated[expected.Id];
            if (expected.Types.Count > 0)
            {
                actual.Types.Select(t => t.Code).Should().Equal(expected.Types.Select(t => t.Code), expected.Id);
                actual.Types.SelectMany(t => t.Profile).Should().Equal(expected.Types.SelectMany(t => t.Profile), expected.Id);
            }

            actual.Fixed?.TypeSuffix.Should().Be(expected.Fixed?.TypeSuffix, expected.Id);
            actual.Pattern?.TypeSuffix.Should().Be(expected.Pattern?.TypeSuffix, expected.Id);
        }
    }

    private static StructureDefinition? Shipped(string id) =>
        TestPackageResolver.Shared.ResolveById("StructureDefinition", id) is { } json ? StructureDefinitionReader.Read(json) : null;
}
