using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Suppliers.Microtest.Tests.Mapping;

/// <summary>
/// Every extension the Microtest mappers emit sits where its definition's context allows (issue #14).
/// The inputs are the committed mapper outputs (<c>Fixtures/*.fhir.json</c>) the mapper tests hold equal
/// to what the mappers produce from the native fixtures.
/// </summary>
[Trait("Category", "Unit")]
public sealed class MicrotestMapperExtensionContextTests
{
    public static TheoryData<string> MappedFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.fhir.json").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MappedFixtures))]
    public void Map_EveryExtension_IsInItsContext(string fixture)
    {
        var resource = TestFhir.ParseJson(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture)));

        ExtensionContextCheck.Misplaced(resource).Should().BeEmpty();
    }

    [Fact]
    public void Map_ResolvedAllergy_CarriesItsEndOnClinicalStatus()
    {
        var allergy = TestFhir.ParseJson(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "allergy-penicillin.fhir.json")));

        ExtensionContextCheck.CountExtensions(allergy).Should().BeGreaterThan(0);
        allergy.Child("clinicalStatus")!.ChildrenNamed("extension").Should().ContainSingle();
        ExtensionContextCheck.Misplaced(allergy).Should().BeEmpty();
    }
}
