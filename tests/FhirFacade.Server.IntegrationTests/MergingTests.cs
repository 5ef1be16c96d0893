using System.Net;
using System.Text.Json.Nodes;
using FhirFacade.Server.IntegrationTests.Infrastructure;
using FhirFacade.TestKit.Fhir;

namespace FhirFacade.Server.IntegrationTests;

/// <summary>
/// Merging across suppliers (ADR 0007) over the real simulators: demo patient 9990000050 has the same
/// heart failure problem and aspirin allergy at EMIS (A81002, the registered practice) and Microtest
/// (L83100), and a Patient record at every holder.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MergingTests(FacadeServerFactory factory) : IClassFixture<FacadeServerFactory>
{
    private const string AllFour = "9990000050";
    private const string TagSystem = "https://fhirfacade.example.org/CodeSystem/record-source";

    public static TheoryData<string, string> Duplicates => new()
    {
        { "Condition", "84114007" },
        { "AllergyIntolerance", "387458008" },
    };

    [Theory]
    [MemberData(nameof(Duplicates))]
    public async Task Search_WhenTwoSuppliersHoldTheSameEntry_ReturnsItOnceWithEverySource(string resourceType, string snomed)
    {
        var response = await factory.CreateClient().FhirGetAsync($"/fhir/{resourceType}?patient.identifier={FhirHttp.Nhs}{AllFour}");

        response.Status.Should().Be(HttpStatusCode.OK);
        var withCode = response.Entries().Where(e => Codes(e).Contains(snomed)).ToList();
        var merged = withCode.Should().ContainSingle().Subject;
        merged["meta"]!["source"]!.GetValue<string>().Should().Be("urn:fhirfacade:source:emis:A81002");
        merged["meta"]!["tag"]!.AsArray()
            .Select(t => (t!["system"]!.GetValue<string>(), t["code"]!.GetValue<string>()))
            .Should().Equal((TagSystem, "emis:A81002"), (TagSystem, "microtest:L83100"));
        response.Issues().Should().Contain(i =>
            i["diagnostics"]!.GetValue<string>() == "MERGED-DUPLICATE"
            && i["severity"]!.GetValue<string>() == "information"
            && i["details"]!["text"]!.GetValue<string>().Contains("Hillview Surgery (A81002)")
            && i["details"]!["text"]!.GetValue<string>().Contains("Harbour Lane Practice (L83100)"));
        response.Total.Should().Be(response.Entries().Count);
    }

    [Fact]
    public async Task Search_WhenOnlyOneSupplierHoldsAnEntry_LeavesItUntagged()
    {
        var response = await factory.CreateClient().FhirGetAsync($"/fhir/Condition?patient.identifier={FhirHttp.Nhs}{AllFour}");

        var single = response.Entries().Where(e => Codes(e).Contains("10509002")).Should().ContainSingle().Subject;
        single["meta"]!["source"]!.GetValue<string>().Should().Be("urn:fhirfacade:source:microtest:L83100");
        single["meta"]!["tag"].Should().BeNull();
    }

    [Fact]
    public async Task PatientSearch_WhenSeveralOrganisationsHoldThePatient_ReturnsTheRegisteredPracticesRecord()
    {
        var response = await factory.CreateClient().FhirGetAsync($"/fhir/Patient?identifier={FhirHttp.Nhs}{AllFour}");

        response.Status.Should().Be(HttpStatusCode.OK);
        response.Total.Should().Be(1);
        response.Entries().Should().ContainSingle().Which["meta"]!["source"]!.GetValue<string>().Should().Be("urn:fhirfacade:source:emis:A81002");
        response.Issues().Should().ContainSingle(i => i["diagnostics"]!.GetValue<string>() == "PATIENT-REGISTERED-SOURCE")
            .Which["details"]!["text"]!.GetValue<string>().Should().Contain("Harbour Lane Practice (L83100)");
    }

    [Fact]
    public async Task Search_RepeatedWithAndWithoutInclude_GivesTheSameMergedMatches()
    {
        var client = factory.CreateClient();
        var url = $"/fhir/MedicationStatement?patient.identifier={FhirHttp.Nhs}{AllFour}";

        var first = await client.FhirGetAsync(url);
        var second = await client.FhirGetAsync(url);
        var included = await client.FhirGetAsync(url + "&_include=MedicationStatement:medication");

        JsonNode.DeepEquals(new JsonArray([.. first.Entries().Select(RetrievalTime.Without)]), new JsonArray([.. second.Entries().Select(RetrievalTime.Without)])).Should().BeTrue();
        included.Entries().Select(e => e["id"]!.GetValue<string>()).Should().Equal(first.Entries().Select(e => e["id"]!.GetValue<string>()));
        first.Entries("include").Should().BeEmpty();
        included.Entries("include").Select(m => "Medication/" + m["id"]!.GetValue<string>())
            .Should().BeEquivalentTo(included.Entries().Select(s => s["medicationReference"]!["reference"]!.GetValue<string>()));
    }

    private static List<string> Codes(JsonNode resource) =>
        [.. (resource["code"]?["coding"]?.AsArray() ?? []).Select(c => c!["code"]!.GetValue<string>())];
}
