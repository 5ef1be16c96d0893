using System.Text.Json.Nodes;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Suppliers.Emis.Tests.Mapping;

/// <summary>
/// Every extension the EMIS mappers emit sits where its definition's context allows (issue #14). The
/// inputs are the committed mapper outputs that <see cref="EmisMapperSnapshotTests"/> holds equal to what
/// the mappers produce from the EMIS fixtures.
/// </summary>
[Trait("Category", "Unit")]
public sealed class EmisMapperExtensionContextTests
{
    public static TheoryData<string> Snapshots()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Snapshots"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Map_EveryExtension_IsInItsContext(string snapshot)
    {
        var resources = Resources(snapshot);

        var misplaced = resources.SelectMany(r => ExtensionContextCheck.Misplaced(TestFhir.ParseJson(r.ToJsonString()))).ToList();

        resources.Should().NotBeEmpty();
        misplaced.Should().BeEmpty();
    }

    [Fact]
    public void Map_Snapshots_CarryExtensionsToCheck()
    {
        var count = Snapshots().Sum<object[]>(row => Resources((string)row[0]).Sum(r => ExtensionContextCheck.CountExtensions(TestFhir.ParseJson(r.ToJsonString()))));

        count.Should().BeGreaterThan(0, "the resolved allergies, NHS number verification and last issue dates are extensions");
    }

    private static List<JsonNode> Resources(string snapshot) =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", snapshot)))!.AsArray().Select(n => n!)];
}
